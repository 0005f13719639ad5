package io.kumo.ec2.network;

import io.kumo.ec2.support.DependencyChecks;
import io.kumo.ec2.support.ResourceKinds;

/** What the network area's handlers share: the kinds of every EC2 area, the dependency checks, the view of compute. */
public record NetworkServices(ResourceKinds kinds, DependencyChecks dependencies, ComputeView compute) {
}
