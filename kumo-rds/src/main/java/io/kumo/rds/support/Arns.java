package io.kumo.rds.support;

import io.kumo.core.regions.Regions;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RDS's ARNs: {@code arn:aws:rds:REGION:ACCOUNT:KIND:NAME}, KIND being db, subgrp, pg, og or
 * snapshot.
 */
public final class Arns {
    public static final String INSTANCE = "db";
    public static final String SUBNET_GROUP = "subgrp";
    public static final String PARAMETER_GROUP = "pg";
    public static final String OPTION_GROUP = "og";
    public static final String SNAPSHOT = "snapshot";
    private static final Pattern ARN = Pattern.compile("arn:[a-z-]+:rds:([a-z0-9-]+):(\\d{12}):([a-z-]+):(.+)");

    /** A parsed ARN. */
    public record Parsed(String region, String account, String kind, String name) {
    }

    private Arns() {
    }

    public static String of(String region, String account, String kind, String name) {
        String partition = Regions.find(region).map(r -> r.partition().id()).orElse("aws");
        return "arn:" + partition + ":rds:" + region + ":" + account + ":" + kind + ":" + name;
    }

    /** The ARN's parts, or an InvalidParameterValue naming the parameter it came in. */
    public static Parsed parse(String arn, String parameter) {
        Matcher m = arn == null ? null : ARN.matcher(arn);
        if (m == null || !m.matches()) {
            throw RdsErrors.invalidValue("The parameter " + parameter + " is not a valid RDS ARN: " + arn);
        }
        return new Parsed(m.group(1), m.group(2), m.group(3), m.group(4));
    }
}
