package io.kumo.ec2.compute.instance;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.compute.ComputeKinds;
import io.kumo.ec2.network.Lookups;
import io.kumo.ec2.runtime.InstanceConsoles;
import software.amazon.awssdk.services.ec2.model.GetConsoleOutputRequest;
import software.amazon.awssdk.services.ec2.model.GetConsoleOutputResponse;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * GetConsoleOutput: the last 64 KiB of what the instance's init and user data printed. Where
 * instances do not run (no sandboxes on this machine), the console says so plainly instead of
 * imitating a boot log: nothing ran, and in particular no user data.
 */
public final class GetConsoleOutput implements Handler<GetConsoleOutputRequest, GetConsoleOutputResponse> {
    private static final int CONSOLE_BYTES = 64 * 1024;

    private final InstanceConsoles consoles;

    public GetConsoleOutput(InstanceConsoles consoles) {
        this.consoles = consoles;
    }

    @Override
    public GetConsoleOutputResponse handle(RequestContext ctx, GetConsoleOutputRequest in) {
        return ctx.read(tx -> {
            InstanceRecord r = Lookups.require(tx, ComputeKinds.INSTANCE, in.instanceId());
            var out = GetConsoleOutputResponse.builder().instanceId(r.instanceId()).timestamp(ctx.receivedAt());
            if (!r.lifecycle().everRunning()) {
                return out.build(); // like EC2, no output before the instance has first run
            }
            String text = consoles.tail(r.instanceId(), CONSOLE_BYTES).orElseGet(() -> text(r));
            return out.output(Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8))).build();
        });
    }

    static String text(InstanceRecord r) {
        String userData = r.settings().userData() == null ? "none was given"
                : "it was stored (" + Base64.getMimeDecoder().decode(r.settings().userData()).length + " bytes) but has NOT been run";
        return "[kumo] instance " + r.instanceId() + " (" + r.settings().instanceType() + ", image " + r.launch().imageId() + ")\n"
                + "[kumo] this instance is a control-plane record: sandboxes cannot run on this machine (see the banner),\n"
                + "[kumo] so there is no kernel or cloud-init output, and nothing inside it has run.\n"
                + "[kumo] user data: " + userData + ".\n"
                + "[kumo] state " + r.state().apiName() + " since " + r.lifecycle().stateChangedAt() + "\n";
    }
}
