package io.kumo.core.network;

/** How the host (whoever uses Kumo from this machine) appears inside VPCs: as one internet address. */
public final class HostAddress {
    /** From TEST-NET-2: a security-group rule for "my IP" names 198.51.100.1/32. */
    public static final String AS_SEEN_FROM_VPCS = "198.51.100.1";

    private HostAddress() {
    }
}
