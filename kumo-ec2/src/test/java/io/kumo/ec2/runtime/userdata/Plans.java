package io.kumo.ec2.runtime.userdata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/** Plans for test inputs, with every generated script checked by sh -n. */
final class Plans {
    static final String USER = "kumo-test-user";

    private Plans() {
    }

    static BootPlan of(String userData) {
        return of(userData.getBytes(StandardCharsets.UTF_8));
    }

    static BootPlan of(byte[] userData) {
        BootPlan plan = UserDataPlan.of(userData, USER);
        if (plan.kind() == BootPlan.Kind.CLOUD_CONFIG) {
            ShellRunner.assertParses(plan.script());
        }
        return plan;
    }

    /** The script of a cloud-config that must be accepted. */
    static String script(String cloudConfig) {
        BootPlan plan = of(cloudConfig);
        if (plan.kind() != BootPlan.Kind.CLOUD_CONFIG) {
            throw new AssertionError("not run as cloud-config: " + plan.consoleNotes());
        }
        return plan.script();
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
