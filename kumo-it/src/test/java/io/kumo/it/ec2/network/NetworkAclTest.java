package io.kumo.it.ec2.network;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.NetworkAcl;
import software.amazon.awssdk.services.ec2.model.NetworkAclAssociation;
import software.amazon.awssdk.services.ec2.model.NetworkAclEntry;

import static io.kumo.it.ec2.Ec2Asserts.fails;
import static io.kumo.it.ec2.Ec2Asserts.filter;
import static io.kumo.it.ec2.Ec2Asserts.message;
import static org.assertj.core.api.Assertions.assertThat;

class NetworkAclTest extends InVpcWithSubnet {

    private NetworkAcl acl(String id) {
        return ec2.describeNetworkAcls(r -> r.networkAclIds(id)).networkAcls().getFirst();
    }

    private NetworkAcl defaultAcl() {
        return ec2.describeNetworkAcls(r -> r.filters(filter("vpc-id", vpc), filter("default", "true"))).networkAcls().getFirst();
    }

    @Test
    void customAclDeniesEverythingUntilEntriesAreAdded() {
        NetworkAcl created = ec2.createNetworkAcl(r -> r.vpcId(vpc)).networkAcl();
        assertThat(created.networkAclId()).matches("acl-[0-9a-f]{17}");
        assertThat(created.isDefault()).isFalse();
        assertThat(created.associations()).isEmpty();
        assertThat(created.entries()).extracting(e -> e.ruleNumber() + "/" + e.egress() + "/" + e.ruleActionAsString())
                .containsExactlyInAnyOrder("32767/true/deny", "32767/false/deny");

        String id = created.networkAclId();
        ec2.createNetworkAclEntry(r -> r.networkAclId(id).ruleNumber(100).protocol("6").ruleAction("allow").egress(false)
                .cidrBlock("0.0.0.0/0").portRange(p -> p.from(80).to(80)));
        ec2.createNetworkAclEntry(r -> r.networkAclId(id).ruleNumber(100).protocol("-1").ruleAction("allow").egress(true)
                .cidrBlock("0.0.0.0/0"));
        var dup = fails("NetworkAclEntryAlreadyExists", () -> ec2.createNetworkAclEntry(r -> r.networkAclId(id).ruleNumber(100)
                .protocol("-1").ruleAction("deny").egress(false).cidrBlock("0.0.0.0/0")));
        assertThat(message(dup)).isEqualTo("The network acl entry identified by 100 already exists.");
        fails("InvalidParameterValue", () -> ec2.createNetworkAclEntry(r -> r.networkAclId(id).ruleNumber(32767)
                .protocol("-1").ruleAction("deny").egress(false).cidrBlock("0.0.0.0/0")));
        fails("InvalidParameterValue", () -> ec2.createNetworkAclEntry(r -> r.networkAclId(id).ruleNumber(0)
                .protocol("-1").ruleAction("deny").egress(false).cidrBlock("0.0.0.0/0")));
        fails("MissingParameter", () -> ec2.createNetworkAclEntry(r -> r.networkAclId(id).ruleNumber(110)
                .protocol("6").ruleAction("allow").egress(false).cidrBlock("0.0.0.0/0")));

        NetworkAclEntry http = acl(id).entries().stream().filter(e -> e.ruleNumber() == 100 && !e.egress()).findFirst().orElseThrow();
        assertThat(http.protocol()).isEqualTo("6");
        assertThat(http.portRange().from()).isEqualTo(80);

        ec2.replaceNetworkAclEntry(r -> r.networkAclId(id).ruleNumber(100).protocol("6").ruleAction("deny").egress(false)
                .cidrBlock("0.0.0.0/0").portRange(p -> p.from(443).to(443)));
        NetworkAclEntry replaced = acl(id).entries().stream().filter(e -> e.ruleNumber() == 100 && !e.egress()).findFirst().orElseThrow();
        assertThat(replaced.ruleActionAsString()).isEqualTo("deny");
        assertThat(replaced.portRange().from()).isEqualTo(443);
        fails("InvalidNetworkAclEntry.NotFound", () -> ec2.replaceNetworkAclEntry(r -> r.networkAclId(id).ruleNumber(200)
                .protocol("-1").ruleAction("deny").egress(false).cidrBlock("0.0.0.0/0")));

        ec2.deleteNetworkAclEntry(r -> r.networkAclId(id).ruleNumber(100).egress(false));
        fails("InvalidNetworkAclEntry.NotFound", () -> ec2.deleteNetworkAclEntry(r -> r.networkAclId(id).ruleNumber(100).egress(false)));
        assertThat(acl(id).entries()).hasSize(3);
    }

    @Test
    void everySubnetHasExactlyOneAcl() {
        NetworkAclAssociation association = defaultAcl().associations().stream()
                .filter(a -> a.subnetId().equals(subnet)).findFirst().orElseThrow();
        assertThat(association.networkAclAssociationId()).startsWith("aclassoc-");

        String custom = ec2.createNetworkAcl(r -> r.vpcId(vpc)).networkAcl().networkAclId();
        String moved = ec2.replaceNetworkAclAssociation(r -> r.associationId(association.networkAclAssociationId())
                .networkAclId(custom)).newAssociationId();
        assertThat(acl(custom).associations()).singleElement().satisfies(a -> {
            assertThat(a.subnetId()).isEqualTo(subnet);
            assertThat(a.networkAclAssociationId()).isEqualTo(moved);
        });
        assertThat(defaultAcl().associations()).noneMatch(a -> a.subnetId().equals(subnet));
        assertThat(ec2.describeNetworkAcls(r -> r.filters(filter("association.subnet-id", subnet))).networkAcls())
                .extracting(NetworkAcl::networkAclId).containsExactly(custom);

        var inUse = fails("DependencyViolation", () -> ec2.deleteNetworkAcl(r -> r.networkAclId(custom)));
        assertThat(message(inUse)).contains(custom);
        fails("InvalidAssociationID.NotFound", () -> ec2.replaceNetworkAclAssociation(r -> r.associationId("aclassoc-0123456789abcdef0")
                .networkAclId(custom)));

        String back = ec2.replaceNetworkAclAssociation(r -> r.associationId(moved).networkAclId(defaultAcl().networkAclId())).newAssociationId();
        assertThat(back).isNotEqualTo(moved);
        ec2.deleteNetworkAcl(r -> r.networkAclId(custom));
        fails("InvalidNetworkAclID.NotFound", () -> acl(custom));

        // Deleting the subnet removes its association.
        ec2.deleteSubnet(r -> r.subnetId(subnet));
        assertThat(defaultAcl().associations()).isEmpty();
    }

    @Test
    void theDefaultAclCannotBeDeleted() {
        String id = defaultAcl().networkAclId();
        var e = fails("InvalidParameterValue", () -> ec2.deleteNetworkAcl(r -> r.networkAclId(id)));
        assertThat(message(e)).isEqualTo("cannot delete default network ACL " + id);
        fails("InvalidNetworkAclId.Malformed", () -> ec2.deleteNetworkAcl(r -> r.networkAclId("acl-zz")));
    }

    @Test
    void filters() {
        String custom = ec2.createNetworkAcl(r -> r.vpcId(vpc).tagSpecifications(t -> t.resourceType("network-acl")
                .tags(tag -> tag.key("tier").value("db")))).networkAcl().networkAclId();
        ec2.createNetworkAclEntry(r -> r.networkAclId(custom).ruleNumber(120).protocol("tcp").ruleAction("allow").egress(false)
                .cidrBlock("10.0.0.0/16").portRange(p -> p.from(3306).to(3306)));
        assertThat(ids(filter("vpc-id", vpc))).hasSize(2);
        assertThat(ids(filter("vpc-id", vpc), filter("default", "false"))).containsExactly(custom);
        assertThat(ids(filter("entry.rule-number", "120"))).containsExactly(custom);
        assertThat(ids(filter("entry.port-range.from", "3306"))).containsExactly(custom);
        assertThat(ids(filter("entry.cidr", "10.0.0.0/16"), filter("vpc-id", vpc))).containsExactly(custom);
        assertThat(ids(filter("entry.protocol", "6"), filter("vpc-id", vpc))).containsExactly(custom);
        assertThat(ids(filter("tag:tier", "db"))).containsExactly(custom);
        assertThat(ids(filter("network-acl-id", custom))).containsExactly(custom);
    }

    private java.util.List<String> ids(Filter... filters) {
        return ec2.describeNetworkAcls(r -> r.filters(filters)).networkAcls().stream().map(NetworkAcl::networkAclId).toList();
    }
}
