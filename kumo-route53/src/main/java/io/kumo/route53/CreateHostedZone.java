package io.kumo.route53;

import io.kumo.core.AwsException;
import io.kumo.core.Ids;
import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import software.amazon.awssdk.services.route53.model.ChangeInfo;
import software.amazon.awssdk.services.route53.model.ChangeStatus;
import software.amazon.awssdk.services.route53.model.CreateHostedZoneRequest;
import software.amazon.awssdk.services.route53.model.CreateHostedZoneResponse;

import java.util.List;

/** Creates a public hosted zone with its SOA and NS records counted. */
final class CreateHostedZone implements Handler<CreateHostedZoneRequest, CreateHostedZoneResponse> {

    @Override
    public CreateHostedZoneResponse handle(RequestContext ctx, CreateHostedZoneRequest in) {
        String name = DomainNames.normalize(in.name());
        if (in.vpc() != null) {
            throw AwsException.badRequest("InvalidInput", "Kumo does not serve private hosted zones yet.");
        }
        HostedZoneRecord zone = ctx.write(tx -> {
            boolean reused = tx.list(HostedZoneRecord.TABLE).stream()
                    .anyMatch(z -> z.callerReference().equals(in.callerReference()));
            if (reused) {
                throw new AwsException("HostedZoneAlreadyExists",
                        "A hosted zone has already been created with the specified caller reference.", 409);
            }
            HostedZoneRecord created = new HostedZoneRecord("Z" + Ids.upperAlnum(20), name, in.callerReference(),
                    in.hostedZoneConfig() == null ? null : in.hostedZoneConfig().comment(),
                    false, nameServers(), 2, ctx.receivedAt());
            tx.put(HostedZoneRecord.TABLE, created.id(), created);
            return created;
        });
        return CreateHostedZoneResponse.builder()
                .hostedZone(zone.toSdk())
                .delegationSet(zone.delegationSet())
                .changeInfo(ChangeInfo.builder().id("/change/C" + Ids.upperAlnum(20)).status(ChangeStatus.INSYNC)
                        .submittedAt(ctx.receivedAt()).build())
                .location("https://route53.amazonaws.com/2013-04-01/hostedzone/" + zone.id())
                .build();
    }

    /** Four name servers in AWS's naming pattern, one per top-level domain as AWS spreads them. */
    private static List<String> nameServers() {
        var random = Ids.random();
        return List.of(
                "ns-" + random.nextInt(512) + ".awsdns-" + pad(random.nextInt(64)) + ".com",
                "ns-" + (512 + random.nextInt(512)) + ".awsdns-" + pad(random.nextInt(64)) + ".net",
                "ns-" + (1024 + random.nextInt(512)) + ".awsdns-" + pad(random.nextInt(64)) + ".org",
                "ns-" + (1536 + random.nextInt(512)) + ".awsdns-" + pad(random.nextInt(64)) + ".co.uk");
    }

    private static String pad(int n) {
        return String.format("%02d", n);
    }
}
