package io.kumo.core.network;

import java.util.Optional;

/**
 * Where a managed network interface ({@link ManagedInterfaces}) lives on this host: the name of
 * the network namespace (under /run/netns) that holds its address, wired to its subnet and behind
 * its VPC's firewall. Provided by the EC2 module only where instances run in sandboxes.
 */
public interface InterfaceNamespaces {

    /** Empty until the interface is wired (the next pass of the runner after it was made), and after it is gone. */
    Optional<String> namespaceOf(String networkInterfaceId);
}
