package io.kumo.ec2.compute.image;

import io.kumo.core.AwsException;
import io.kumo.core.KumoSettings;
import io.kumo.core.service.AdminCommand;
import io.kumo.core.store.Store;
import io.kumo.core.store.StoreScope;
import io.kumo.ec2.support.Ec2Errors;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code ec2/image-state}: the state of an account's image, for {@code ./kumo image import --wait},
 * which has no AWS credentials to sign a DescribeImages with.
 */
public final class ImageState implements AdminCommand {
    private final Store store;
    private final KumoSettings settings;

    public ImageState(Store store, KumoSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "ec2/image-state";
    }

    @Override
    public Map<String, Object> run(Map<String, String> arguments) {
        String imageId = arguments.get("imageId");
        if (imageId == null) {
            throw Ec2Errors.missingParameter("imageId");
        }
        String region = arguments.getOrDefault("region", settings.defaultRegion());
        ImageRecord image = store.read(new StoreScope(settings.accountId(), region), tx -> tx.get(ImageRecord.TABLE, imageId))
                .orElseThrow(() -> AwsException.badRequest("InvalidAMIID.NotFound",
                        "The image id '[" + imageId + "]' does not exist"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ImageId", imageId);
        out.put("State", image.state());
        if (image.stateReason() != null) {
            out.put("StateReason", image.stateReason());
        }
        return out;
    }
}
