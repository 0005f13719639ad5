package io.kumo.ec2.compute.image;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.compute.ComputeErrors;
import io.kumo.ec2.compute.ComputeKinds;
import io.kumo.ec2.support.Pages;
import software.amazon.awssdk.services.ec2.model.DescribeImagesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeImagesResponse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** DescribeImages over the catalogue and the account's own images. */
public final class DescribeImages implements Handler<DescribeImagesRequest, DescribeImagesResponse> {

    @Override
    public DescribeImagesResponse handle(RequestContext ctx, DescribeImagesRequest in) {
        if (!in.imageIds().isEmpty() && in.maxResults() != null) {
            throw ComputeErrors.maxResultsWithIds("imagesSet");
        }
        var predicate = Images.FILTERS.compile(in.filters());
        return ctx.read(tx -> {
            List<ImageRecord> candidates = Images.all(tx);
            if (!in.imageIds().isEmpty()) {
                LinkedHashSet<String> ids = new LinkedHashSet<>(in.imageIds());
                ids.forEach(ComputeKinds.IMAGE::check);
                List<String> missing = new ArrayList<>();
                List<ImageRecord> found = new ArrayList<>();
                for (String id : ids) {
                    // A lately deregistered image is simply not in the answer; only ids EC2 never knew are errors.
                    Images.find(tx, id).ifPresentOrElse(found::add, () -> {
                        if (tx.get(DeregisteredImage.TABLE, id).isEmpty()) {
                            missing.add(id);
                        }
                    });
                }
                if (!missing.isEmpty()) {
                    throw ComputeErrors.imageNotFound(missing);
                }
                candidates = found.stream().sorted((a, b) -> a.imageId().compareTo(b.imageId())).toList();
            }
            List<ImageRecord> selected = candidates.stream()
                    .filter(i -> in.owners().isEmpty() || in.owners().stream().anyMatch(o -> Images.ownedBy(tx, i, o)))
                    .filter(i -> in.executableUsers().isEmpty()
                            || in.executableUsers().stream().anyMatch(u -> Images.executableBy(tx, i, u)))
                    .toList();
            List<Images.Described> described = selected.stream().map(i -> Images.Described.of(tx, i)).filter(predicate).toList();
            var page = Pages.of(described, in.maxResults(), in.nextToken(), 5, 1000, d -> d.image().imageId());
            return DescribeImagesResponse.builder()
                    .images(page.items().stream().map(Images::toSdk).toList())
                    .nextToken(page.nextToken())
                    .build();
        });
    }
}
