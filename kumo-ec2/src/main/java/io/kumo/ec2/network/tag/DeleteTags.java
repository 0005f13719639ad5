package io.kumo.ec2.network.tag;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.support.Ec2Errors;
import io.kumo.ec2.support.ResourceKinds;
import io.kumo.ec2.support.Tags;
import software.amazon.awssdk.services.ec2.model.DeleteTagsRequest;
import software.amazon.awssdk.services.ec2.model.DeleteTagsResponse;

import java.util.List;

/** Without Tags every tag goes; a tag given with a value goes only when the value matches. */
public final class DeleteTags implements Handler<DeleteTagsRequest, DeleteTagsResponse> {
    private final ResourceKinds kinds;

    public DeleteTags(ResourceKinds kinds) {
        this.kinds = kinds;
    }

    @Override
    public DeleteTagsResponse handle(RequestContext ctx, DeleteTagsRequest in) {
        if (in.resources().isEmpty()) {
            throw Ec2Errors.missingParameter("ResourceId");
        }
        return ctx.write(tx -> {
            for (String id : in.resources()) {
                TaggedResources.require(tx, kinds, id);
                Tags.remove(tx, id, in.hasTags() ? in.tags() : List.of());
            }
            return DeleteTagsResponse.builder().build();
        });
    }
}
