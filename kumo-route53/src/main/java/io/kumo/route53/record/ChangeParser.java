package io.kumo.route53.record;

import io.kumo.route53.record.rdata.BadRdata;
import io.kumo.route53.record.rdata.RdataType;
import io.kumo.route53.record.rdata.RdataTypes;
import io.kumo.route53.support.DnsNames;
import io.kumo.route53.support.Route53Errors;
import io.kumo.core.AwsException;
import software.amazon.awssdk.services.route53.model.AliasTarget;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.route53.model.ResourceRecordSetRegion;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns the SDK's changes into {@link ParsedChange}s, refusing what AWS refuses before it looks at
 * the zone: malformed fields (InvalidInput) and values a type does not accept (InvalidChangeBatch).
 */
final class ChangeParser {
    static final long MAX_TTL = 2147483647L;
    private static final Set<String> ACTIONS = Set.of(ParsedChange.CREATE, ParsedChange.DELETE, ParsedChange.UPSERT);

    private ChangeParser() {
    }

    static List<ParsedChange> parse(List<Change> changes) {
        if (changes == null || changes.isEmpty()) {
            throw Route53Errors.invalidInput("1 validation error detected: Value '[]' at 'changeBatch.changes' failed to satisfy "
                    + "constraint: Member must have length greater than or equal to 1");
        }
        List<ParsedChange> out = new ArrayList<>();
        List<String> badValues = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            out.add(parse(changes.get(i), i + 1, badValues));
        }
        if (!badValues.isEmpty()) {
            throw Route53Errors.invalidChangeBatch(badValues);
        }
        return out;
    }

    private static ParsedChange parse(Change change, int index, List<String> badValues) {
        String action = change.actionAsString();
        if (action == null || !ACTIONS.contains(action)) {
            throw Route53Errors.invalidInput("1 validation error detected: Value '" + action + "' at 'changeBatch.changes." + index
                    + ".member.action' failed to satisfy constraint: Member must satisfy enum value set: [CREATE, DELETE, UPSERT]");
        }
        ResourceRecordSet in = change.resourceRecordSet();
        if (in == null) {
            throw Route53Errors.invalidInput("Missing required parameter ResourceRecordSet in change " + index);
        }
        String type = in.typeAsString();
        String name = name(in.name());
        String where = "in Change with [Action=" + action + ", Name=" + in.name() + ", Type=" + type + ", SetIdentifier="
                + in.setIdentifier() + "]";
        RdataType rdata = RdataTypes.of(type).orElseThrow(() -> Route53Errors.invalidInput(
                "Invalid request: Kumo does not serve records of type " + type + " " + where));
        boolean hasValues = in.ttl() != null || in.hasResourceRecords() && !in.resourceRecords().isEmpty();
        AliasTarget aliasIn = in.aliasTarget();
        if (in.trafficPolicyInstanceId() != null) {
            throw Route53Errors.invalidInput("Invalid request: Kumo does not serve traffic policies " + where);
        }
        boolean valuesComplete = in.ttl() != null && in.hasResourceRecords() && !in.resourceRecords().isEmpty();
        if (aliasIn != null ? hasValues : !valuesComplete) {
            String found = aliasIn != null && hasValues ? "more than one" : "none";
            throw Route53Errors.invalidInput("Invalid request: Expected exactly one of [AliasTarget, all of [TTL, and ResourceRecords], "
                    + "or TrafficPolicyInstanceId], but found " + found + " " + where);
        }
        if (in.ttl() != null && (in.ttl() < 0 || in.ttl() > MAX_TTL)) {
            throw Route53Errors.invalidInput("1 validation error detected: Value '" + in.ttl() + "' at 'changeBatch.changes." + index
                    + ".member.resourceRecordSet.tTL' failed to satisfy constraint: Member must have value "
                    + (in.ttl() < 0 ? "greater than or equal to 0" : "less than or equal to " + MAX_TTL));
        }
        List<String> values = aliasIn == null ? values(in.resourceRecords(), rdata, name, badValues) : List.of();
        RecordSet.Alias alias = aliasIn == null ? null : alias(aliasIn, where);
        RoutingRules.Routing routing = RoutingRules.check(in, where, index);
        if (alias != null && routing.multiValueAnswer() != null) {
            throw Route53Errors.invalidInput("Invalid request: MultiValueAnswer cannot be used with an AliasTarget " + where);
        }
        RecordSet set = new RecordSet(name, type, in.setIdentifier(), in.ttl(), values, alias, routing.weight(), routing.region(),
                routing.geo(), routing.failover(), routing.multiValueAnswer(), blankToNull(in.healthCheckId()));
        return new ParsedChange(action, set);
    }

    private static String name(String raw) {
        try {
            return DnsNames.parse(raw);
        } catch (IllegalArgumentException e) {
            throw Route53Errors.invalidInput("Invalid request: DNS name '" + raw + "' is not a valid domain name");
        }
    }

    private static List<String> values(List<ResourceRecord> records, RdataType rdata, String name, List<String> badValues) {
        if (!rdata.manyValues() && records.size() > 1) {
            badValues.add("RRSet of type " + rdata.type() + " with DNS name " + DnsNames.escaped(name) + " must contain exactly one value");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ResourceRecord r : records) {
            String raw = r.value() == null ? "" : r.value();
            try {
                String value = rdata.check(raw);
                if (!seen.add(value)) {
                    badValues.add("Duplicate Resource Record: '" + raw + "'");
                }
                out.add(value);
            } catch (BadRdata e) {
                badValues.add(e.describe(raw));
            }
        }
        return out;
    }

    private static RecordSet.Alias alias(AliasTarget in, String where) {
        if (in.hostedZoneId() == null || in.dnsName() == null || in.evaluateTargetHealth() == null) {
            throw Route53Errors.invalidInput("Invalid request: AliasTarget needs HostedZoneId, DNSName and EvaluateTargetHealth " + where);
        }
        String zone = in.hostedZoneId().startsWith("/hostedzone/") ? in.hostedZoneId().substring(12) : in.hostedZoneId();
        String target;
        try {
            target = DnsNames.parse(in.dnsName());
        } catch (IllegalArgumentException e) {
            throw Route53Errors.invalidInput("Invalid request: AliasTarget DNSName '" + in.dnsName() + "' is not a valid domain name " + where);
        }
        return new RecordSet.Alias(zone, target, in.evaluateTargetHealth());
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Used by RoutingRules to build AWS's validation messages. */
    static AwsException constraint(String value, int index, String field, String constraint) {
        return Route53Errors.invalidInput("1 validation error detected: Value '" + value + "' at 'changeBatch.changes." + index
                + ".member.resourceRecordSet." + field + "' failed to satisfy constraint: " + constraint);
    }

    static boolean knownRegion(String region) {
        return ResourceRecordSetRegion.fromValue(region) != ResourceRecordSetRegion.UNKNOWN_TO_SDK_VERSION;
    }
}
