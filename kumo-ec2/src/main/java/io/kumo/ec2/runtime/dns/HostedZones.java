package io.kumo.ec2.runtime.dns;

/**
 * Where Route 53 hosted zones plug into the DNS server ({@link HostedZoneSources} asks the Route 53 module). A resolver builds its chain on each update as
 * private zones of the VPC, then the names EC2 generates, then public zones; the sources returned here are kept until
 * the next update, so they should read the zones' current state on each lookup.
 */
public interface HostedZones {

    /** The private hosted zones associated with this VPC. */
    DnsSource privateZones(String vpcId);

    /** The public hosted zones, answered inside Kumo as if delegated: Kumo has no internet to ask. */
    DnsSource publicZones();

    /** The public hosted zones as a VPC sees them (a load balancer alias answers the VPC's addresses). */
    default DnsSource publicZones(String vpcId) {
        return publicZones();
    }

    /** No hosted zones yet. */
    HostedZones NONE = new HostedZones() {
        @Override
        public DnsSource privateZones(String vpcId) {
            return DnsSource.NOTHING;
        }

        @Override
        public DnsSource publicZones() {
            return DnsSource.NOTHING;
        }
    };
}
