package io.kumo.ec2.compute.image;

import io.kumo.core.store.Table;

import java.time.Instant;

/**
 * The id of an image deregistered lately. EC2 answers such ids differently from ids it never
 * knew: DescribeImages leaves them out without an error, DeregisterImage says they are no longer
 * available. {@link ImageLifecycle} forgets them after {@link ImageTimings#deregisteredRetention()}.
 */
public record DeregisteredImage(String imageId, Instant deregisteredAt) {

    public static final Table<DeregisteredImage> TABLE = Table.regional("ec2.deregistered-images", DeregisteredImage.class);
}
