package io.kumo.route53.record;

import io.kumo.core.dns.GeneratedNames;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Alias targets that other services own. Load balancers: the hosted zone id must be the ELB zone
 * of the region in the name (the ids DescribeLoadBalancers reports as CanonicalHostedZoneId), and
 * the name must be one the ELB service publishes in {@link GeneratedNames} (it publishes active
 * load balancers). CloudFront distributions are accepted by name until Kumo has CloudFront.
 */
public final class ServiceAliasTargets implements AliasTargets {
    /** The application load balancers' zone per region, as AWS publishes them (kept equal to kumo-elbv2's). */
    static final Map<String, String> ELB_ZONES = Map.ofEntries(
            Map.entry("us-east-1", "Z35SXDOTRQ7X7K"), Map.entry("us-east-2", "Z3AADJGX6KTTL2"),
            Map.entry("us-west-1", "Z368ELLRRE2KJ0"), Map.entry("us-west-2", "Z1H1FL5HABSF5"),
            Map.entry("ca-central-1", "ZQSVJUPU6J1EY"), Map.entry("eu-west-1", "Z32O12XQLNTSW2"),
            Map.entry("eu-west-2", "ZHURV8PSTC4K8"), Map.entry("eu-west-3", "Z3Q77PNBQS71R4"),
            Map.entry("eu-central-1", "Z215JYRZR1TBD5"), Map.entry("eu-north-1", "Z23TAZD2ZCABD9"),
            Map.entry("ap-northeast-1", "Z14GRHDCWA56QT"), Map.entry("ap-northeast-2", "ZWKZPGTI48KDX"),
            Map.entry("ap-northeast-3", "Z5LXEXXYW11ES"), Map.entry("ap-southeast-1", "Z1LMS91P8CMLE5"),
            Map.entry("ap-southeast-2", "Z1GM3OXH4ZPM65"), Map.entry("ap-south-1", "ZP97RAFLXTNZK"),
            Map.entry("sa-east-1", "Z2P70J7HTTTPLU"));
    static final String CLOUDFRONT_ZONE = "Z2FDTNDATAQYW2";
    private static final Map<String, String> REGION_BY_ZONE = ELB_ZONES.entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));
    private static final String[] ELB_SUFFIXES = {"elb.localhost", "elb.amazonaws.com"};

    private final Supplier<Optional<GeneratedNames>> names;

    public ServiceAliasTargets(Supplier<Optional<GeneratedNames>> names) {
        this.names = names;
    }

    @Override
    public Verdict check(String hostedZoneId, String dnsName, String type) {
        String name = GeneratedNames.normalize(dnsName);
        if (hostedZoneId.equals(CLOUDFRONT_ZONE)) {
            return name.endsWith(".cloudfront.net") ? Verdict.FOUND : Verdict.OUTSIDE_ZONE;
        }
        String region = REGION_BY_ZONE.get(hostedZoneId.toUpperCase(Locale.ROOT));
        if (region == null) {
            return Verdict.NOT_FOUND;
        }
        return loadBalancer(region, name.startsWith("dualstack.") ? name.substring("dualstack.".length()) : name, type);
    }

    private Verdict loadBalancer(String region, String name, String type) {
        boolean inZone = false;
        for (String suffix : ELB_SUFFIXES) {
            inZone |= name.endsWith("." + region + "." + suffix);
        }
        if (!inZone) {
            return Verdict.OUTSIDE_ZONE;
        }
        if (!type.equals("A") && !type.equals("AAAA")) {
            return Verdict.NOT_FOUND;
        }
        Optional<GeneratedNames> registry = names.get();
        if (registry.isEmpty()) {
            return Verdict.FOUND; // no registry to ask (a Kumo without EC2): trust the caller
        }
        return registry.get().owner(name).map(source -> source.addresses("", name).isEmpty() ? Verdict.NOT_FOUND : Verdict.FOUND)
                .orElse(Verdict.NOT_FOUND);
    }
}
