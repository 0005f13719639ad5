package io.kumo.route53.support;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import software.amazon.awssdk.services.route53.model.GetChangeRequest;
import software.amazon.awssdk.services.route53.model.GetChangeResponse;

import java.time.Clock;

public final class GetChange implements Handler<GetChangeRequest, GetChangeResponse> {
    private final Clock clock;

    public GetChange(Clock clock) {
        this.clock = clock;
    }

    @Override
    public GetChangeResponse handle(RequestContext ctx, GetChangeRequest in) {
        String id = ChangeRecord.bareId(in.id());
        ChangeRecord change = ctx.read(tx -> tx.get(ChangeRecord.TABLE, id)).orElseThrow(() -> Route53Errors.noSuchChange(id));
        return GetChangeResponse.builder().changeInfo(change.toSdk(clock.instant())).build();
    }
}
