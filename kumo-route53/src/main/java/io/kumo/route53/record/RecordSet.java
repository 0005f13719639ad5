package io.kumo.route53.record;

import io.kumo.route53.support.DnsNames;
import software.amazon.awssdk.services.route53.model.AliasTarget;
import software.amazon.awssdk.services.route53.model.GeoLocation;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * One resource record set as stored: what the DNS server answers from. {@code name} is canonical
 * (decoded, lower case, final dot); {@code values} are as written, each valid master-file text
 * for its type. Exactly one of values (with ttl) and alias is set. At most one of the routing
 * fields (weight, region, geoLocation, failover, multiValueAnswer) is set, and then so is setIdentifier.
 */
public record RecordSet(
        String name,
        String type,
        String setIdentifier,
        Long ttl,
        List<String> values,
        Alias alias,
        Long weight,
        String region,
        Geo geoLocation,
        String failover,
        Boolean multiValueAnswer,
        String healthCheckId) {

    /** @param hostedZoneId bare id; @param dnsName canonical */
    public record Alias(String hostedZoneId, String dnsName, boolean evaluateTargetHealth) {
    }

    /** Exactly one of continent and country; subdivision only with a country. Country "*" is the default location. */
    public record Geo(String continentCode, String countryCode, String subdivisionCode) {
    }

    public record Key(String name, String type, String setIdentifier) {

        /** How AWS names a record set in its messages: [name='www.example.com.', type='A']. */
        public String describe() {
            return "[name='" + DnsNames.escaped(name) + "', type='" + type + "'"
                    + (setIdentifier == null ? "" : ", set-identifier='" + setIdentifier + "'") + "]";
        }
    }

    public RecordSet {
        values = values == null ? List.of() : List.copyOf(values);
    }

    public static RecordSet simple(String name, String type, long ttl, List<String> values) {
        return new RecordSet(name, type, null, ttl, values, null, null, null, null, null, null, null);
    }

    public Key key() {
        return new Key(name, type, setIdentifier);
    }

    /** The routing policy's name, as AWS's messages call it ("non-weighted"). */
    public String policy() {
        if (weight != null) {
            return "weighted";
        }
        if (region != null) {
            return "latency";
        }
        if (geoLocation != null) {
            return "geolocation";
        }
        if (failover != null) {
            return "failover";
        }
        if (multiValueAnswer != null) {
            return "multivalue answer";
        }
        return "simple";
    }

    /** Equal as AWS compares a DELETE with what is stored: values as a set, everything else exactly. */
    public boolean sameAs(RecordSet other) {
        return key().equals(other.key()) && Objects.equals(ttl, other.ttl)
                && new HashSet<>(values).equals(new HashSet<>(other.values)) && values.size() == other.values.size()
                && Objects.equals(alias, other.alias) && Objects.equals(weight, other.weight)
                && Objects.equals(region, other.region) && Objects.equals(geoLocation, other.geoLocation)
                && Objects.equals(failover, other.failover) && Objects.equals(multiValueAnswer, other.multiValueAnswer)
                && Objects.equals(healthCheckId, other.healthCheckId);
    }

    public ResourceRecordSet toSdk() {
        ResourceRecordSet.Builder b = ResourceRecordSet.builder().name(DnsNames.escaped(name)).type(type)
                .setIdentifier(setIdentifier).weight(weight).region(region).failover(failover)
                .multiValueAnswer(multiValueAnswer).healthCheckId(healthCheckId).ttl(ttl);
        if (alias == null) {
            b.resourceRecords(values.stream().map(v -> ResourceRecord.builder().value(v).build()).toList());
        } else {
            b.aliasTarget(AliasTarget.builder().hostedZoneId(alias.hostedZoneId()).dnsName(DnsNames.escaped(alias.dnsName()))
                    .evaluateTargetHealth(alias.evaluateTargetHealth()).build());
        }
        if (geoLocation != null) {
            b.geoLocation(GeoLocation.builder().continentCode(geoLocation.continentCode()).countryCode(geoLocation.countryCode())
                    .subdivisionCode(geoLocation.subdivisionCode()).build());
        }
        return b.build();
    }
}
