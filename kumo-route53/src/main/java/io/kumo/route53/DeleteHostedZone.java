package io.kumo.route53;

import io.kumo.core.Ids;
import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import software.amazon.awssdk.services.route53.model.ChangeInfo;
import software.amazon.awssdk.services.route53.model.ChangeStatus;
import software.amazon.awssdk.services.route53.model.DeleteHostedZoneRequest;
import software.amazon.awssdk.services.route53.model.DeleteHostedZoneResponse;

final class DeleteHostedZone implements Handler<DeleteHostedZoneRequest, DeleteHostedZoneResponse> {

    @Override
    public DeleteHostedZoneResponse handle(RequestContext ctx, DeleteHostedZoneRequest in) {
        ctx.write(tx -> {
            HostedZoneRecord zone = Zones.require(tx, in.id());
            if (zone.recordSetCount() > 2) {
                throw io.kumo.core.AwsException.badRequest("HostedZoneNotEmpty",
                        "The specified hosted zone contains non-required resource record sets and so cannot be deleted.");
            }
            return tx.delete(HostedZoneRecord.TABLE, zone.id());
        });
        return DeleteHostedZoneResponse.builder()
                .changeInfo(ChangeInfo.builder().id("/change/C" + Ids.upperAlnum(20)).status(ChangeStatus.INSYNC)
                        .submittedAt(ctx.receivedAt()).build())
                .build();
    }
}
