package io.kumo.it.ec2.network;

import io.kumo.it.KumoHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.PrefixListId;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRuleDescription;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRuleRequest;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRuleUpdate;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

import java.util.ArrayList;
import java.util.List;

import static io.kumo.it.ec2.Ec2Asserts.fails;
import static io.kumo.it.ec2.Ec2Asserts.filter;
import static io.kumo.it.ec2.Ec2Asserts.message;
import static org.assertj.core.api.Assertions.assertThat;

class SecurityGroupTest {
    private final Ec2Client ec2 = KumoHarness.shared().ec2();
    private String vpc;

    @BeforeEach
    void network() {
        vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
    }

    private String group(String name) {
        return ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName(name).description(name + " group")).groupId();
    }

    private SecurityGroup describe(String id) {
        return ec2.describeSecurityGroups(r -> r.groupIds(id)).securityGroups().getFirst();
    }

    private static IpPermission tcp(int port, String cidr) {
        return IpPermission.builder().ipProtocol("tcp").fromPort(port).toPort(port)
                .ipRanges(IpRange.builder().cidrIp(cidr).build()).build();
    }

    private static IpPermission tcpFrom(int port, String groupId) {
        return IpPermission.builder().ipProtocol("tcp").fromPort(port).toPort(port)
                .userIdGroupPairs(UserIdGroupPair.builder().groupId(groupId).build()).build();
    }

    @Test
    void createGivesTheDefaultEgressRule() {
        var created = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("web-sg").description("web servers")
                .tagSpecifications(t -> t.resourceType("security-group").tags(tag -> tag.key("Name").value("web"))));
        assertThat(created.groupId()).matches("sg-[0-9a-f]{17}");
        assertThat(created.securityGroupArn()).isEqualTo("arn:aws:ec2:ap-northeast-1:000000000000:security-group/" + created.groupId());
        assertThat(created.tags()).hasSize(1);
        SecurityGroup g = describe(created.groupId());
        assertThat(g.groupName()).isEqualTo("web-sg");
        assertThat(g.description()).isEqualTo("web servers");
        assertThat(g.vpcId()).isEqualTo(vpc);
        assertThat(g.ownerId()).isEqualTo("000000000000");
        assertThat(g.ipPermissions()).isEmpty();
        assertThat(g.ipPermissionsEgress()).singleElement().satisfies(p -> {
            assertThat(p.ipProtocol()).isEqualTo("-1");
            assertThat(p.fromPort()).isNull();
            assertThat(p.ipRanges()).extracting(IpRange::cidrIp).containsExactly("0.0.0.0/0");
        });
    }

    @Test
    void namesAreUniquePerVpcAndValidated() {
        group("dup");
        var e = fails("InvalidGroup.Duplicate", () -> group("dup"));
        assertThat(message(e)).isEqualTo("The security group 'dup' already exists for VPC '" + vpc + "'");
        String otherVpc = ec2.createVpc(r -> r.cidrBlock("10.1.0.0/16")).vpc().vpcId();
        ec2.createSecurityGroup(r -> r.vpcId(otherVpc).groupName("dup").description("same name, other VPC"));
        fails("InvalidParameterValue", () -> group("sg-lookalike"));
        fails("InvalidGroup.Reserved", () -> group("default"));
        fails("InvalidParameterValue", () -> ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("jp").description("日本語")));
        fails("InvalidParameterValue", () -> ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("long").description("x".repeat(256))));
        fails("MissingParameter", () -> ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("nodesc")));
        fails("InvalidVpcID.NotFound", () -> ec2.createSecurityGroup(r -> r.vpcId("vpc-0123456789abcdef0").groupName("x").description("x")));
    }

    @Test
    void withoutVpcIdTheGroupGoesToTheDefaultVpc() {
        String name = "default-vpc-group-" + System.nanoTime();
        String id = ec2.createSecurityGroup(r -> r.groupName(name).description("in the default VPC")).groupId();
        String defaultVpc = ec2.describeVpcs(r -> r.filters(filter("is-default", "true"))).vpcs().getFirst().vpcId();
        assertThat(describe(id).vpcId()).isEqualTo(defaultVpc);
        assertThat(ec2.describeSecurityGroups(r -> r.groupNames(name)).securityGroups()).extracting(SecurityGroup::groupId).containsExactly(id);
        fails("InvalidGroup.NotFound", () -> ec2.describeSecurityGroups(r -> r.groupNames("no-such-group")));
        // Rules by group name work in the default VPC.
        ec2.authorizeSecurityGroupIngress(r -> r.groupName(name).ipProtocol("tcp").fromPort(443).toPort(443).cidrIp("0.0.0.0/0"));
        ec2.deleteSecurityGroup(r -> r.groupName(name));
    }

    @Test
    void authorizeIngressSplitsPermissionsIntoRules() {
        String sg = group("web");
        var response = ec2.authorizeSecurityGroupIngress(r -> r.groupId(sg).ipPermissions(
                IpPermission.builder().ipProtocol("tcp").fromPort(22).toPort(22)
                        .ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").description("ssh").build(),
                                IpRange.builder().cidrIp("192.0.2.0/24").build())
                        .ipv6Ranges(Ipv6Range.builder().cidrIpv6("::/0").build()).build(),
                tcp(80, "0.0.0.0/0")));
        List<SecurityGroupRule> rules = response.securityGroupRules();
        assertThat(rules).hasSize(4);
        assertThat(rules).allSatisfy(rule -> {
            assertThat(rule.securityGroupRuleId()).matches("sgr-[0-9a-f]{17}");
            assertThat(rule.groupId()).isEqualTo(sg);
            assertThat(rule.isEgress()).isFalse();
            assertThat(rule.ipProtocol()).isEqualTo("tcp");
        });
        assertThat(rules.getFirst().description()).isEqualTo("ssh");

        SecurityGroup g = describe(sg);
        assertThat(g.ipPermissions()).hasSize(2);
        IpPermission ssh = g.ipPermissions().getFirst();
        assertThat(ssh.fromPort()).isEqualTo(22);
        assertThat(ssh.ipRanges()).extracting(IpRange::cidrIp).containsExactly("0.0.0.0/0", "192.0.2.0/24");
        assertThat(ssh.ipv6Ranges()).extracting(Ipv6Range::cidrIpv6).containsExactly("::/0");
        assertThat(g.ipPermissions().get(1).fromPort()).isEqualTo(80);
    }

    @Test
    void duplicatesAreRefusedWithAwsWording() {
        String sg = group("dup-rules");
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(sg).ipPermissions(tcp(22, "0.0.0.0/0")));
        var e = fails("InvalidPermission.Duplicate", () -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(sg).ipPermissions(tcp(22, "0.0.0.0/0"))));
        assertThat(message(e)).isEqualTo("the specified rule \"peer: 0.0.0.0/0, TCP, from port: 22, to port: 22, ALLOW\" already exists");
        // The default egress rule is there already too.
        fails("InvalidPermission.Duplicate", () -> ec2.authorizeSecurityGroupEgress(r -> r.groupId(sg).ipPermissions(
                IpPermission.builder().ipProtocol("-1").ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()).build())));
        // A failing call keeps nothing: the first permission is not added either.
        fails("InvalidPermission.Duplicate", () -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(sg).ipPermissions(
                tcp(443, "0.0.0.0/0"), tcp(22, "0.0.0.0/0"))));
        assertThat(describe(sg).ipPermissions()).hasSize(1);
    }

    @Test
    void protocolsAndPortsAreValidated() {
        String sg = group("validation");
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(sg).ipPermissions(
                IpPermission.builder().ipProtocol("6").fromPort(8080).toPort(8081).ipRanges(IpRange.builder().cidrIp("10.0.0.0/8").build()).build(),
                IpPermission.builder().ipProtocol("icmp").fromPort(8).toPort(-1).ipRanges(IpRange.builder().cidrIp("10.0.0.0/8").build()).build(),
                IpPermission.builder().ipProtocol("50").ipRanges(IpRange.builder().cidrIp("10.0.0.0/8").build()).build()));
        assertThat(describe(sg).ipPermissions()).extracting(IpPermission::ipProtocol).containsExactly("tcp", "icmp", "50");
        fails("InvalidParameterValue", () -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(sg).ipPermissions(
                IpPermission.builder().ipProtocol("tcp").fromPort(70000).toPort(70000).ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()).build())));
        fails("InvalidParameterValue", () -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(sg).ipPermissions(
                IpPermission.builder().ipProtocol("tcp").fromPort(90).toPort(80).ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()).build())));
        fails("InvalidParameterValue", () -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(sg).ipPermissions(
                IpPermission.builder().ipProtocol("tcp").ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()).build())));
        fails("InvalidParameterValue", () -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(sg).ipPermissions(
                IpPermission.builder().ipProtocol("carrier-pigeon").ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()).build())));
        fails("InvalidParameterValue", () -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(sg).ipPermissions(tcp(22, "0.0.0.0/33"))));
        fails("InvalidGroup.NotFound", () -> ec2.authorizeSecurityGroupIngress(r -> r.groupId("sg-0123456789abcdef0").ipPermissions(tcp(22, "0.0.0.0/0"))));
        fails("InvalidGroupId.Malformed", () -> ec2.authorizeSecurityGroupIngress(r -> r.groupId("sg-bad").ipPermissions(tcp(22, "0.0.0.0/0"))));
    }

    @Test
    void legacyTopLevelForm() {
        String sg = group("legacy");
        String source = group("legacy-source");
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(sg).ipProtocol("tcp").fromPort(22).toPort(22).cidrIp("203.0.113.0/24"));
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(sg).sourceSecurityGroupName("legacy-source"));
        SecurityGroup g = describe(sg);
        assertThat(g.ipPermissions()).hasSize(2);
        assertThat(g.ipPermissions().get(1).userIdGroupPairs()).extracting(UserIdGroupPair::groupId).containsExactly(source);
        fails("InvalidParameterCombination", () -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(sg).cidrIp("0.0.0.0/0")
                .ipProtocol("tcp").fromPort(1).toPort(1).ipPermissions(tcp(2, "0.0.0.0/0"))));
    }

    @Test
    void groupReferencesMustBeInTheSameVpc() {
        String web = group("ref-web");
        String db = group("ref-db");
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(db).ipPermissions(tcpFrom(3306, web)));
        assertThat(describe(db).ipPermissions().getFirst().userIdGroupPairs()).singleElement().satisfies(p -> {
            assertThat(p.groupId()).isEqualTo(web);
            assertThat(p.userId()).isEqualTo("000000000000");
        });
        String otherVpc = ec2.createVpc(r -> r.cidrBlock("10.1.0.0/16")).vpc().vpcId();
        String foreign = ec2.createSecurityGroup(r -> r.vpcId(otherVpc).groupName("foreign").description("x")).groupId();
        fails("InvalidGroup.NotFound", () -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(db).ipPermissions(tcpFrom(5432, foreign))));
        fails("InvalidGroup.NotFound", () -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(db).ipPermissions(tcpFrom(5432, "sg-0123456789abcdef0"))));

        // A group another group's rule names cannot be deleted.
        var e = fails("DependencyViolation", () -> ec2.deleteSecurityGroup(r -> r.groupId(web)));
        assertThat(message(e)).isEqualTo("resource " + web + " has a dependent object");
        ec2.revokeSecurityGroupIngress(r -> r.groupId(db).ipPermissions(tcpFrom(3306, web)));
        ec2.deleteSecurityGroup(r -> r.groupId(web));
        fails("InvalidGroup.NotFound", () -> describe(web));
    }

    @Test
    void prefixListRules() {
        String sg = group("pl");
        String s3 = ec2.describeManagedPrefixLists(r -> r.filters(filter("prefix-list-name", "com.amazonaws.ap-northeast-1.s3")))
                .prefixLists().getFirst().prefixListId();
        ec2.authorizeSecurityGroupEgress(r -> r.groupId(sg).ipPermissions(IpPermission.builder().ipProtocol("tcp").fromPort(443).toPort(443)
                .prefixListIds(PrefixListId.builder().prefixListId(s3).description("S3").build()).build()));
        assertThat(describe(sg).ipPermissionsEgress()).anySatisfy(p ->
                assertThat(p.prefixListIds()).extracting(PrefixListId::prefixListId).containsExactly(s3));
        fails("InvalidPrefixListID.NotFound", () -> ec2.authorizeSecurityGroupEgress(r -> r.groupId(sg).ipPermissions(
                IpPermission.builder().ipProtocol("tcp").fromPort(443).toPort(443)
                        .prefixListIds(PrefixListId.builder().prefixListId("pl-0123456789abcdef0").build()).build())));
    }

    @Test
    void revoke() {
        String sg = group("revoke");
        var rules = ec2.authorizeSecurityGroupIngress(r -> r.groupId(sg).ipPermissions(tcp(22, "0.0.0.0/0"), tcp(80, "0.0.0.0/0"),
                tcp(443, "0.0.0.0/0"))).securityGroupRules();
        var e = fails("InvalidPermission.NotFound", () -> ec2.revokeSecurityGroupIngress(r -> r.groupId(sg).ipPermissions(tcp(8080, "0.0.0.0/0"))));
        assertThat(message(e)).isEqualTo("The specified rule does not exist in this security group.");
        var revoked = ec2.revokeSecurityGroupIngress(r -> r.groupId(sg).ipPermissions(tcp(22, "0.0.0.0/0")));
        assertThat(revoked.revokedSecurityGroupRules()).extracting(r -> r.securityGroupRuleId())
                .containsExactly(rules.getFirst().securityGroupRuleId());
        ec2.revokeSecurityGroupIngress(r -> r.groupId(sg).securityGroupRuleIds(rules.get(1).securityGroupRuleId()));
        fails("InvalidSecurityGroupRuleId.NotFound", () -> ec2.revokeSecurityGroupIngress(r -> r.groupId(sg)
                .securityGroupRuleIds(rules.get(1).securityGroupRuleId())));
        // An ingress rule id is not an egress rule.
        fails("InvalidSecurityGroupRuleId.NotFound", () -> ec2.revokeSecurityGroupEgress(r -> r.groupId(sg)
                .securityGroupRuleIds(rules.get(2).securityGroupRuleId())));
        ec2.revokeSecurityGroupIngress(r -> r.groupId(sg).ipProtocol("tcp").fromPort(443).toPort(443).cidrIp("0.0.0.0/0"));
        assertThat(describe(sg).ipPermissions()).isEmpty();
        // Egress: the default rule can go.
        ec2.revokeSecurityGroupEgress(r -> r.groupId(sg).ipPermissions(IpPermission.builder().ipProtocol("-1")
                .ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()).build()));
        assertThat(describe(sg).ipPermissionsEgress()).isEmpty();
    }

    @Test
    void theDefaultGroupCannotBeDeleted() {
        String id = ec2.describeSecurityGroups(r -> r.filters(filter("vpc-id", vpc), filter("group-name", "default")))
                .securityGroups().getFirst().groupId();
        var e = fails("CannotDelete", () -> ec2.deleteSecurityGroup(r -> r.groupId(id)));
        assertThat(message(e)).isEqualTo("the specified group: \"" + id + "\" name: \"default\" cannot be deleted by a user");
        fails("InvalidGroup.NotFound", () -> ec2.deleteSecurityGroup(r -> r.groupId("sg-0123456789abcdef0")));
    }

    @Test
    void securityGroupRulesApi() {
        String sg = group("rules-api");
        var added = ec2.authorizeSecurityGroupIngress(r -> r.groupId(sg).ipPermissions(tcp(22, "0.0.0.0/0"))
                .tagSpecifications(t -> t.resourceType("security-group-rule").tags(tag -> tag.key("purpose").value("ssh"))))
                .securityGroupRules().getFirst();
        assertThat(added.tags()).hasSize(1);
        var described = ec2.describeSecurityGroupRules(r -> r.filters(filter("group-id", sg))).securityGroupRules();
        assertThat(described).hasSize(2);
        assertThat(ec2.describeSecurityGroupRules(r -> r.securityGroupRuleIds(added.securityGroupRuleId())).securityGroupRules())
                .singleElement().satisfies(rule -> {
                    assertThat(rule.cidrIpv4()).isEqualTo("0.0.0.0/0");
                    assertThat(rule.fromPort()).isEqualTo(22);
                    assertThat(rule.groupOwnerId()).isEqualTo("000000000000");
                });
        assertThat(ec2.describeSecurityGroupRules(r -> r.filters(filter("tag:purpose", "ssh"))).securityGroupRules())
                .extracting(SecurityGroupRule::securityGroupRuleId).contains(added.securityGroupRuleId());
        fails("InvalidSecurityGroupRuleId.NotFound", () -> ec2.describeSecurityGroupRules(r -> r.securityGroupRuleIds("sgr-0123456789abcdef0")));
        fails("InvalidSecurityGroupRuleId.Malformed", () -> ec2.describeSecurityGroupRules(r -> r.securityGroupRuleIds("sgr-x")));

        ec2.modifySecurityGroupRules(r -> r.groupId(sg).securityGroupRules(SecurityGroupRuleUpdate.builder()
                .securityGroupRuleId(added.securityGroupRuleId())
                .securityGroupRule(SecurityGroupRuleRequest.builder().ipProtocol("tcp").fromPort(2222).toPort(2222)
                        .cidrIpv4("10.0.0.0/8").description("moved").build()).build()));
        assertThat(ec2.describeSecurityGroupRules(r -> r.securityGroupRuleIds(added.securityGroupRuleId())).securityGroupRules())
                .singleElement().satisfies(rule -> {
                    assertThat(rule.fromPort()).isEqualTo(2222);
                    assertThat(rule.cidrIpv4()).isEqualTo("10.0.0.0/8");
                    assertThat(rule.description()).isEqualTo("moved");
                });

        ec2.updateSecurityGroupRuleDescriptionsIngress(r -> r.groupId(sg).securityGroupRuleDescriptions(SecurityGroupRuleDescription.builder()
                .securityGroupRuleId(added.securityGroupRuleId()).description("by id").build()));
        assertThat(describe(sg).ipPermissions().getFirst().ipRanges().getFirst().description()).isEqualTo("by id");
        ec2.updateSecurityGroupRuleDescriptionsIngress(r -> r.groupId(sg).ipPermissions(IpPermission.builder().ipProtocol("tcp")
                .fromPort(2222).toPort(2222).ipRanges(IpRange.builder().cidrIp("10.0.0.0/8").description("by permission").build()).build()));
        assertThat(describe(sg).ipPermissions().getFirst().ipRanges().getFirst().description()).isEqualTo("by permission");
        fails("InvalidPermission.NotFound", () -> ec2.updateSecurityGroupRuleDescriptionsEgress(r -> r.groupId(sg).ipPermissions(
                tcp(9999, "10.0.0.0/8"))));
    }

    @Test
    void pagingRulesAndGroups() {
        String sg = group("many-rules");
        List<IpPermission> permissions = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            permissions.add(tcp(1000 + i, "0.0.0.0/0"));
        }
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(sg).ipPermissions(permissions));
        var first = ec2.describeSecurityGroupRules(r -> r.filters(filter("group-id", sg)).maxResults(5));
        assertThat(first.securityGroupRules()).hasSize(5);
        int total = first.securityGroupRules().size();
        String token = first.nextToken();
        while (token != null) {
            String t = token;
            var page = ec2.describeSecurityGroupRules(r -> r.filters(filter("group-id", sg)).maxResults(5).nextToken(t));
            total += page.securityGroupRules().size();
            token = page.nextToken();
        }
        assertThat(total).isEqualTo(13);
        assertThat(ec2.describeSecurityGroups(r -> r.filters(filter("vpc-id", vpc)).maxResults(5)).securityGroups()).isNotEmpty();
    }

    @Test
    void ruleLimitPerGroup() {
        String sg = group("limit");
        List<IpPermission> sixty = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            sixty.add(tcp(2000 + i, "0.0.0.0/0"));
        }
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(sg).ipPermissions(sixty));
        fails("RulesPerSecurityGroupLimitExceeded", () -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(sg).ipPermissions(tcp(3000, "0.0.0.0/0"))));
    }

    @Test
    void describeFilters() {
        String sg = group("filters");
        String peer = group("filters-peer");
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(sg).ipPermissions(tcp(22, "198.51.100.0/24"), tcpFrom(80, peer)));
        assertThat(ids(filter("group-name", "filters"), filter("vpc-id", vpc))).containsExactly(sg);
        assertThat(ids(filter("group-id", sg))).containsExactly(sg);
        assertThat(ids(filter("description", "filters group"))).contains(sg);
        assertThat(ids(filter("ip-permission.cidr", "198.51.100.0/24"))).containsExactly(sg);
        assertThat(ids(filter("ip-permission.from-port", "22"), filter("vpc-id", vpc))).containsExactly(sg);
        assertThat(ids(filter("ip-permission.group-id", peer))).containsExactly(sg);
        assertThat(ids(filter("ip-permission.group-name", "filters-peer"))).containsExactly(sg);
        assertThat(ids(filter("ip-permission.protocol", "tcp"), filter("vpc-id", vpc))).containsExactly(sg);
        assertThat(ids(filter("egress.ip-permission.cidr", "0.0.0.0/0"), filter("vpc-id", vpc))).contains(sg, peer);
        assertThat(ids(filter("owner-id", "000000000000"), filter("vpc-id", vpc))).hasSize(3);
    }

    private List<String> ids(Filter... filters) {
        return ec2.describeSecurityGroups(r -> r.filters(filters)).securityGroups().stream().map(SecurityGroup::groupId).toList();
    }

    @Test
    void dryRun() {
        String sg = group("dry");
        fails("DryRunOperation", () -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(sg).ipPermissions(tcp(22, "0.0.0.0/0")).dryRun(true)));
        assertThat(describe(sg).ipPermissions()).isEmpty();
        fails("DryRunOperation", () -> ec2.deleteSecurityGroup(r -> r.groupId(sg).dryRun(true)));
    }
}
