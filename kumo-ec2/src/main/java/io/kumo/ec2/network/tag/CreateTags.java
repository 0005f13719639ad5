package io.kumo.ec2.network.tag;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.support.Ec2Errors;
import io.kumo.ec2.support.ResourceKind;
import io.kumo.ec2.support.ResourceKinds;
import io.kumo.ec2.support.Tags;
import software.amazon.awssdk.services.ec2.model.CreateTagsRequest;
import software.amazon.awssdk.services.ec2.model.CreateTagsResponse;

/** Adds or overwrites tags on resources of any EC2 kind; every id must exist, or nothing is tagged. */
public final class CreateTags implements Handler<CreateTagsRequest, CreateTagsResponse> {
    private final ResourceKinds kinds;

    public CreateTags(ResourceKinds kinds) {
        this.kinds = kinds;
    }

    @Override
    public CreateTagsResponse handle(RequestContext ctx, CreateTagsRequest in) {
        if (in.resources().isEmpty()) {
            throw Ec2Errors.missingParameter("ResourceId");
        }
        if (in.tags().isEmpty()) {
            throw Ec2Errors.missingParameter("Tag");
        }
        return ctx.write(tx -> {
            for (String id : in.resources()) {
                ResourceKind kind = TaggedResources.require(tx, kinds, id);
                Tags.put(tx, id, kind.resourceType(), in.tags());
            }
            return CreateTagsResponse.builder().build();
        });
    }
}
