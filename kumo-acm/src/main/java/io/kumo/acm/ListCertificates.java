package io.kumo.acm;

import io.kumo.core.AwsException;
import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import software.amazon.awssdk.services.acm.model.ListCertificatesRequest;
import software.amazon.awssdk.services.acm.model.ListCertificatesResponse;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Lists certificates by ARN order, optionally by status, MaxItems (1–1000) at a time. */
final class ListCertificates implements Handler<ListCertificatesRequest, ListCertificatesResponse> {

    @Override
    public ListCertificatesResponse handle(RequestContext ctx, ListCertificatesRequest in) {
        int max = in.maxItems() == null ? 1000 : in.maxItems();
        if (max < 1 || max > 1000) {
            throw AwsException.badRequest("ValidationException", "1 validation error detected: Value '" + max
                    + "' at 'maxItems' failed to satisfy constraint: Member must have value between 1 and 1000");
        }
        List<String> statuses = in.certificateStatusesAsStrings();
        String after = in.nextToken() == null ? null : decode(in.nextToken());
        List<CertificateRecord> matching = ctx.read(tx -> tx.list(CertificateRecord.TABLE)).stream()
                .filter(c -> statuses.isEmpty() || statuses.contains(c.statusAt(ctx.receivedAt())))
                .filter(c -> after == null || c.arn().compareTo(after) > 0)
                .toList();
        List<CertificateRecord> page = matching.subList(0, Math.min(max, matching.size()));
        ListCertificatesResponse.Builder out = ListCertificatesResponse.builder()
                .certificateSummaryList(page.stream().map(c -> c.toSummary(ctx.receivedAt())).toList());
        if (matching.size() > max) {
            out.nextToken(Base64.getEncoder().encodeToString(page.getLast().arn().getBytes(StandardCharsets.UTF_8)));
        }
        return out.build();
    }

    private static String decode(String token) {
        try {
            return new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw AwsException.badRequest("InvalidArgsException", "The nextToken is not valid.");
        }
    }
}
