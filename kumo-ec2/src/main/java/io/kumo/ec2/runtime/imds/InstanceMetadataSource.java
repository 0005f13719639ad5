package io.kumo.ec2.runtime.imds;

import java.util.Optional;

/**
 * Finds the instance behind a caller. The service runs once per VPC, where a private address names at most one
 * instance, so the caller's source address is its identity.
 */
@FunctionalInterface
public interface InstanceMetadataSource {

    Optional<InstanceMetadata> byPrivateIp(String ip);
}
