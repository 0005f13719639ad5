/**
 * The firewall of a VPC (security groups, network ACLs, routes to the internet gateway and the
 * router's own services) rendered as one nftables script for the VPC's router namespace:
 * {@link io.kumo.fabric.firewall.NftRuleset#render(io.kumo.fabric.firewall.VpcFirewall)}.
 *
 * <p>The renderer is pure: it reads a {@link io.kumo.fabric.firewall.VpcFirewall} and returns
 * text; loading it ({@code ip netns exec ROUTER nft -f -}) is the caller's job. Everything lives
 * in one {@code inet} table, because this kernel has no bridge connection tracking: with
 * br_netfilter on, bridged and routed packets both pass the {@code inet} forward hook, with
 * conntrack. Interfaces are therefore recognised by address, never by port name.
 *
 * <p>Limits, on purpose or for now:
 * <ul>
 *   <li>IPv4 only: IPv6 is dropped in the forward chain, and IPv6 rules and ICMPv6 are skipped.</li>
 *   <li>One address per interface; secondary private addresses would need more set elements.</li>
 *   <li>Source checks are per subnet: an instance can still claim another address of its own
 *       subnet. Per-port checks need the veth names, which the model does not carry.</li>
 *   <li>Every tracked connection survives a rule revocation, including those AWS would not
 *       track (it cuts "untracked" flows of all-open rules at once).</li>
 *   <li>Traffic that the router namespace itself originates is not filtered (output hook).</li>
 * </ul>
 */
package io.kumo.fabric.firewall;
