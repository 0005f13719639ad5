/**
 * Kumo's one DNS server. The VPC resolver: the DNS server instances find at their VPC's base + 2 address (their
 * {@code /etc/resolv.conf} names it), answering in the VPC's router namespace from memory, with dnsjava for the wire
 * format. The same code serves the host on 127.0.0.1 ({@link io.kumo.ec2.runtime.dns.HostDnsServer}) with an
 * authoritative chain: the public hosted zones, then the public names Kumo generates; the rest is REFUSED.
 *
 * <p>Each VPC's {@link io.kumo.ec2.runtime.dns.VpcResolver} asks an ordered chain of
 * {@link io.kumo.ec2.runtime.dns.DnsSource}s, and the first that owns the name decides: the private hosted zones
 * associated with the VPC, the names EC2 generates for instances, the names other services generate, the public hosted zones (the zones
 * come through {@link io.kumo.ec2.runtime.dns.HostedZones}: {@link io.kumo.ec2.runtime.dns.HostedZoneSources} asks
 * the Route 53 module's {@link io.kumo.core.dns.HostedZoneAnswers} and parses its text records). {@link io.kumo.ec2.runtime.dns.DnsAnswerer} is the
 * whole logic without sockets.
 *
 * <p>Behaviour, where AWS's documentation leaves it open or Kumo departs from it:
 * <ul>
 *   <li><b>No internet DNS.</b> Kumo never forwards: a name no source owns ({@code example.com}) is answered REFUSED
 *       at once, which stub resolvers take as final after trying the other servers, instead of a timeout.</li>
 *   <li><b>DNS support off</b> ({@code enableDnsSupport=false}): every query is REFUSED. AWS's server stays silent,
 *       which costs each lookup its full timeout (5 s per try in glibc) for the same outcome.</li>
 *   <li><b>Recursive-style answers</b>, as AWS's resolver is a recursive one: RA set, AA clear, RD and CD echoed,
 *       TTL 60 s.</li>
 *   <li><b>Private names</b> ({@code ip-10-0-0-5.REGION.compute.internal}, {@code ip-...ec2.internal} in us-east-1)
 *       resolve for the VPC's own instances only, whatever {@code enableDnsHostnames} says; another VPC's private
 *       name is NXDOMAIN (VPCs may reuse addresses, and peering is not modelled).</li>
 *   <li><b>Public names</b> ({@code ec2-127-18-0-1.REGION.compute.amazonaws.com}, {@code ...compute-1.amazonaws.com}
 *       in us-east-1) resolve to the instance's private address for the VPC's own instances when
 *       {@code enableDnsHostnames} is on (AWS's split horizon), and to the public address otherwise.</li>
 *   <li><b>Reverse names</b> of those addresses answer a PTR to the private or public name. The reverse zones of
 *       private, loopback and link-local ranges are served locally (RFC 6303): unknown addresses there are
 *       NXDOMAIN; other reverse names are REFUSED like any foreign name.</li>
 *   <li><b>Negative answers</b> (NXDOMAIN, and NODATA such as AAAA for an instance name) carry a made-up SOA of
 *       the zone in the authority section, minimum 60 s, so caching stubs hold them for a minute (RFC 2308).
 *       Parents of reverse names (0.0.10.in-addr.arpa) are NODATA, never NXDOMAIN (RFC 8020).</li>
 *   <li><b>Malformed packets</b> get FORMERR when their header is readable; shorter ones, and responses, are
 *       dropped. Opcodes other than QUERY are NOTIMP, classes other than IN and zone transfers REFUSED, EDNS
 *       versions above 0 BADVERS. A source that throws costs one SERVFAIL.</li>
 *   <li><b>Sizes.</b> UDP answers fit 512 bytes, or the client's EDNS payload size up to 4096, else they are
 *       truncated with TC set so the client retries over TCP; the resolver advertises 1232. TCP connections carry
 *       any number of queries, are closed after 10 s idle, and at most 64 are open per VPC.</li>
 * </ul>
 */
package io.kumo.ec2.runtime.dns;
