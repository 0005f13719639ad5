package io.kumo.ec2.network;

import io.kumo.core.net.InvalidAddressException;
import io.kumo.core.net.Ipv4Cidr;
import io.kumo.core.net.Ipv6Cidr;
import io.kumo.ec2.support.Ec2Errors;

/** Parsing CIDR parameters with EC2's wording for bad ones. */
public final class Cidrs {
    private Cidrs() {
    }

    /** A block as given, host bits cleared (as EC2 does), or InvalidParameterValue naming the parameter. */
    public static Ipv4Cidr ipv4(String value, String parameter) {
        if (value == null) {
            throw Ec2Errors.missingParameter(parameter);
        }
        try {
            return Ipv4Cidr.parse(value.trim()).normalized();
        } catch (InvalidAddressException e) {
            throw Ec2Errors.invalidParameterValue("Value (" + value + ") for parameter " + parameter
                    + " is invalid. This is not a valid CIDR block.");
        }
    }

    public static Ipv6Cidr ipv6(String value, String parameter) {
        if (value == null) {
            throw Ec2Errors.missingParameter(parameter);
        }
        try {
            return Ipv6Cidr.parse(value.trim()).normalized();
        } catch (InvalidAddressException e) {
            throw Ec2Errors.invalidParameterValue("Value (" + value + ") for parameter " + parameter
                    + " is invalid. This is not a valid CIDR block.");
        }
    }

    /** True for text that parses as an IPv4 block. */
    public static boolean isIpv4(String value) {
        try {
            Ipv4Cidr.parse(value);
            return true;
        } catch (InvalidAddressException e) {
            return false;
        }
    }
}
