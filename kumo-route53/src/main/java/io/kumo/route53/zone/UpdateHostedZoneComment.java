package io.kumo.route53.zone;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.route53.support.Route53Errors;
import software.amazon.awssdk.services.route53.model.UpdateHostedZoneCommentRequest;
import software.amazon.awssdk.services.route53.model.UpdateHostedZoneCommentResponse;

/** Sets the zone's comment; an absent comment clears it, as AWS does. */
final class UpdateHostedZoneComment implements Handler<UpdateHostedZoneCommentRequest, UpdateHostedZoneCommentResponse> {

    @Override
    public UpdateHostedZoneCommentResponse handle(RequestContext ctx, UpdateHostedZoneCommentRequest in) {
        String comment = in.comment();
        if (comment != null && comment.length() > CreateHostedZone.MAX_COMMENT) {
            throw Route53Errors.invalidInput("1 validation error detected: Value at 'comment' failed to satisfy constraint: "
                    + "Member must have length less than or equal to " + CreateHostedZone.MAX_COMMENT);
        }
        HostedZoneRecord zone = ctx.write(tx -> {
            HostedZoneRecord updated = Zones.require(tx, in.id()).withComment(comment == null || comment.isEmpty() ? null : comment);
            tx.put(HostedZoneRecord.TABLE, updated.id(), updated);
            return updated;
        });
        return UpdateHostedZoneCommentResponse.builder().hostedZone(zone.toSdk()).build();
    }
}
