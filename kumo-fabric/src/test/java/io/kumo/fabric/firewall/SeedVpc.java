package io.kumo.fabric.firewall;

import java.util.ArrayList;
import java.util.List;

/**
 * The VPC both test classes use, with switches for the variations they need.
 *
 * <pre>
 * 10.0.0.0/16
 *   subnet-public  10.0.1.0/24 (b-pub, routed to the internet): web 10.0.1.10 [sg-web], other 10.0.1.20 [sg-other]
 *   subnet-private 10.0.2.0/24 (b-priv, no internet route):      db  10.0.2.10 [sg-db]
 *
 * sg-web:   in tcp 22, 80 from anywhere; out only tcp 3306-3307 to sg-db
 * sg-db:    in tcp 3306-3307 from sg-web, tcp 5432 from anywhere; out everything
 * sg-other: in tcp 9000 from the VPC; out everything
 * sg-elb:   in tcp 443 from anywhere; out tcp 80 to sg-web (no members)
 * ACL of subnet-private: in rule 90 denies tcp 3307, rule 100 allows all; out allows all
 * </pre>
 */
final class SeedVpc {

    static final String WEB = "10.0.1.10";
    static final String OTHER = "10.0.1.20";
    static final String DB = "10.0.2.10";

    boolean otherInWebGroup;
    boolean dbAcceptsWeb = true;
    boolean privateRoutesToInternet;
    boolean publicDeniesHttpIn;
    boolean privateDeniesEphemeralOut;

    SeedVpc otherInWebGroup() {
        otherInWebGroup = true;
        return this;
    }

    SeedVpc withoutDbRuleForWeb() {
        dbAcceptsWeb = false;
        return this;
    }

    SeedVpc privateRoutedToInternet() {
        privateRoutesToInternet = true;
        return this;
    }

    SeedVpc publicDeniesHttpIn() {
        publicDeniesHttpIn = true;
        return this;
    }

    SeedVpc privateDeniesEphemeralOut() {
        privateDeniesEphemeralOut = true;
        return this;
    }

    VpcFirewall build() {
        return new VpcFirewall("kumo_vpc_test", List.of("10.0.0.0/16"), List.of(publicSubnet(), privateSubnet()),
                List.of(
                        new Interface(WEB, "subnet-public", List.of("sg-web")),
                        new Interface(OTHER, "subnet-public", otherInWebGroup ? List.of("sg-other", "sg-web") : List.of("sg-other")),
                        new Interface(DB, "subnet-private", List.of("sg-db"))),
                List.of(webGroup(), dbGroup(), otherGroup(), elbGroup()));
    }

    private Subnet publicSubnet() {
        var acl = new ArrayList<>(AclEntry.defaultAcl());
        if (publicDeniesHttpIn) {
            acl.add(new AclEntry(50, false, "6", 80, 80, "0.0.0.0/0", false));
        }
        return new Subnet("subnet-public", "10.0.1.0/24", "b-pub", true, acl);
    }

    private Subnet privateSubnet() {
        var acl = new ArrayList<>(List.of(
                new AclEntry(100, false, "-1", -1, -1, "0.0.0.0/0", true),
                new AclEntry(90, false, "6", 3307, 3307, "0.0.0.0/0", false),
                new AclEntry(100, true, "-1", -1, -1, "0.0.0.0/0", true)));
        if (privateDeniesEphemeralOut) {
            acl.add(new AclEntry(80, true, "6", 1024, 65535, "10.0.1.0/24", false));
        }
        return new Subnet("subnet-private", "10.0.2.0/24", "b-priv", privateRoutesToInternet, acl);
    }

    private static SecurityGroup webGroup() {
        return new SecurityGroup("sg-web",
                List.of(Rule.fromCidr("tcp", 22, 22, "0.0.0.0/0"), Rule.fromCidr("tcp", 80, 80, "0.0.0.0/0")),
                List.of(Rule.fromGroup("tcp", 3306, 3307, "sg-db")));
    }

    private SecurityGroup dbGroup() {
        var ingress = new ArrayList<Rule>();
        if (dbAcceptsWeb) {
            ingress.add(Rule.fromGroup("tcp", 3306, 3307, "sg-web"));
        }
        ingress.add(Rule.fromCidr("tcp", 5432, 5432, "0.0.0.0/0"));
        return new SecurityGroup("sg-db", ingress, List.of(Rule.fromCidr("-1", -1, -1, "0.0.0.0/0")));
    }

    private static SecurityGroup otherGroup() {
        return new SecurityGroup("sg-other",
                List.of(Rule.fromCidr("tcp", 9000, 9000, "10.0.0.0/16")),
                List.of(Rule.fromCidr("-1", -1, -1, "0.0.0.0/0")));
    }

    private static SecurityGroup elbGroup() {
        return new SecurityGroup("sg-elb",
                List.of(Rule.fromCidr("tcp", 443, 443, "0.0.0.0/0"), Rule.fromCidr("tcp", 443, 443, "::/0")),
                List.of(Rule.fromGroup("tcp", 80, 80, "sg-web")));
    }
}
