package io.kumo.route53.record;

import io.kumo.route53.support.Route53Errors;
import software.amazon.awssdk.services.route53.model.GeoLocation;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

import java.util.ArrayList;
import java.util.List;

/**
 * The routing policy fields of one record set: at most one policy, a SetIdentifier exactly when
 * there is one, and each field within AWS's ranges and value sets.
 */
final class RoutingRules {
    static final long MAX_WEIGHT = 255;

    record Routing(Long weight, String region, RecordSet.Geo geo, String failover, Boolean multiValueAnswer) {
    }

    private RoutingRules() {
    }

    static Routing check(ResourceRecordSet in, String where, int index) {
        if (in.geoProximityLocation() != null || in.cidrRoutingConfig() != null) {
            throw Route53Errors.invalidInput("Invalid request: Kumo does not serve geoproximity or IP-based routing " + where);
        }
        List<String> policies = new ArrayList<>();
        if (in.weight() != null) {
            policies.add("Weight");
        }
        if (in.regionAsString() != null) {
            policies.add("Region");
        }
        if (in.failoverAsString() != null) {
            policies.add("Failover");
        }
        if (in.geoLocation() != null) {
            policies.add("GeoLocation");
        }
        if (in.multiValueAnswer() != null) {
            policies.add("MultiValueAnswer");
        }
        String setId = in.setIdentifier();
        if (setId == null && !policies.isEmpty()) {
            throw Route53Errors.invalidInput("Invalid request: Missing field 'SetIdentifier' " + where);
        }
        if (setId != null && policies.size() != 1) {
            throw Route53Errors.invalidInput("Invalid request: Expected exactly one of [Weight, Region, Failover, GeoLocation, "
                    + "MultiValueAnswer, GeoProximityLocation, CidrRoutingConfig], but found "
                    + (policies.isEmpty() ? "none" : "more than one") + " " + where);
        }
        if (setId != null && (setId.isEmpty() || setId.length() > 128)) {
            throw ChangeParser.constraint(setId, index, "setIdentifier", "Member must have length less than or equal to 128");
        }
        if (in.weight() != null && (in.weight() < 0 || in.weight() > MAX_WEIGHT)) {
            throw ChangeParser.constraint(String.valueOf(in.weight()), index, "weight",
                    in.weight() < 0 ? "Member must have value greater than or equal to 0" : "Member must have value less than or equal to 255");
        }
        String region = in.regionAsString();
        if (region != null && !ChangeParser.knownRegion(region)) {
            throw ChangeParser.constraint(region, index, "region", "Member must satisfy enum value set of AWS regions");
        }
        String failover = in.failoverAsString();
        if (failover != null && !failover.equals("PRIMARY") && !failover.equals("SECONDARY")) {
            throw ChangeParser.constraint(failover, index, "failover", "Member must satisfy enum value set: [PRIMARY, SECONDARY]");
        }
        return new Routing(in.weight(), region, geo(in.geoLocation(), where), failover, in.multiValueAnswer());
    }

    private static RecordSet.Geo geo(GeoLocation in, String where) {
        if (in == null) {
            return null;
        }
        String continent = in.continentCode();
        String country = in.countryCode();
        String subdivision = in.subdivisionCode();
        if (continent == null && country == null) {
            throw Route53Errors.invalidInput("Invalid request: GeoLocation needs a ContinentCode or a CountryCode " + where);
        }
        if (continent != null && (country != null || subdivision != null)) {
            throw Route53Errors.invalidInput("Invalid request: GeoLocation takes either a ContinentCode or a CountryCode, not both " + where);
        }
        if (continent != null && !GeoCodes.CONTINENTS.contains(continent)) {
            throw Route53Errors.invalidInput("Invalid request: Value '" + continent + "' is not a valid GeoLocation ContinentCode " + where);
        }
        if (country != null && !GeoCodes.country(country)) {
            throw Route53Errors.invalidInput("Invalid request: Value '" + country + "' is not a valid GeoLocation CountryCode " + where);
        }
        if (subdivision != null && !GeoCodes.subdivision(country, subdivision)) {
            throw Route53Errors.invalidInput("Invalid request: Value '" + subdivision + "' is not a valid GeoLocation SubdivisionCode for country "
                    + country + " " + where);
        }
        return new RecordSet.Geo(continent, country, subdivision);
    }
}
