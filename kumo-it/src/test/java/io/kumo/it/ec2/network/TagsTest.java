package io.kumo.it.ec2.network;

import io.kumo.it.KumoHarness;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagDescription;

import java.util.ArrayList;
import java.util.List;

import static io.kumo.it.ec2.Ec2Asserts.fails;
import static io.kumo.it.ec2.Ec2Asserts.filter;
import static io.kumo.it.ec2.Ec2Asserts.message;
import static org.assertj.core.api.Assertions.assertThat;

class TagsTest {
    private final Ec2Client ec2 = KumoHarness.shared().ec2();

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    @Test
    void createDescribeAndDeleteTagsOnNetworkResources() {
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        String subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.0.0/24")).subnet().subnetId();
        String igw = ec2.createInternetGateway().internetGateway().internetGatewayId();
        String sg = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("tagged").description("x")).groupId();
        String rtb = ec2.createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
        String acl = ec2.createNetworkAcl(r -> r.vpcId(vpc)).networkAcl().networkAclId();
        String env = "env-" + System.nanoTime();
        ec2.createTags(r -> r.resources(vpc, subnet, igw, sg, rtb, acl).tags(tag(env, "prod"), tag("Name", "main")));

        List<TagDescription> tags = ec2.describeTags(r -> r.filters(filter("key", env))).tags();
        assertThat(tags).extracting(TagDescription::resourceId).containsExactlyInAnyOrder(vpc, subnet, igw, sg, rtb, acl);
        assertThat(tags).extracting(TagDescription::resourceTypeAsString)
                .containsExactlyInAnyOrder("vpc", "subnet", "internet-gateway", "security-group", "route-table", "network-acl");
        assertThat(ec2.describeTags(r -> r.filters(filter("key", env), filter("resource-type", "subnet"))).tags())
                .extracting(TagDescription::resourceId).containsExactly(subnet);
        assertThat(ec2.describeTags(r -> r.filters(filter("resource-id", vpc))).tags()).hasSize(2);
        assertThat(ec2.describeTags(r -> r.filters(filter("resource-id", vpc), filter("value", "ma*"))).tags())
                .extracting(TagDescription::key).containsExactly("Name");

        // Overwrite, then delete only on a matching value.
        ec2.createTags(r -> r.resources(vpc).tags(tag("Name", "renamed")));
        ec2.deleteTags(r -> r.resources(vpc).tags(tag("Name", "main")));
        assertThat(ec2.describeVpcs(r -> r.vpcIds(vpc)).vpcs().getFirst().tags()).contains(tag("Name", "renamed"));
        ec2.deleteTags(r -> r.resources(vpc).tags(Tag.builder().key("Name").build()));
        assertThat(ec2.describeVpcs(r -> r.vpcIds(vpc)).vpcs().getFirst().tags()).extracting(Tag::key).containsExactly(env);
        ec2.deleteTags(r -> r.resources(subnet));
        assertThat(ec2.describeTags(r -> r.filters(filter("resource-id", subnet))).tags()).isEmpty();
    }

    @Test
    void unknownIdsAreRefused() {
        var invalid = fails("InvalidID", () -> ec2.createTags(r -> r.resources("bogus-1234").tags(tag("a", "b"))));
        assertThat(message(invalid)).isEqualTo("The ID 'bogus-1234' is not valid");
        fails("InvalidVpcID.NotFound", () -> ec2.createTags(r -> r.resources("vpc-0123456789abcdef0").tags(tag("a", "b"))));
        fails("InvalidSubnetID.NotFound", () -> ec2.createTags(r -> r.resources("subnet-0123456789abcdef0").tags(tag("a", "b"))));
        fails("InvalidGroup.NotFound", () -> ec2.createTags(r -> r.resources("sg-0123456789abcdef0").tags(tag("a", "b"))));
        fails("InvalidVpcID.Malformed", () -> ec2.createTags(r -> r.resources("vpc-xyz").tags(tag("a", "b"))));
        fails("InvalidParameterValue", () -> ec2.createTags(r -> r.resources(defaultVpc()).tags(tag("aws:reserved", "b"))));
        // All or nothing: one bad id and no resource is tagged.
        String key = "atomic-" + System.nanoTime();
        fails("InvalidVpcID.NotFound", () -> ec2.createTags(r -> r.resources(defaultVpc(), "vpc-0123456789abcdef0").tags(tag(key, "x"))));
        assertThat(ec2.describeTags(r -> r.filters(filter("key", key))).tags()).isEmpty();
    }

    private String defaultVpc() {
        return ec2.describeVpcs(r -> r.filters(filter("is-default", "true"))).vpcs().getFirst().vpcId();
    }

    @Test
    void pagination() {
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        List<Tag> many = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            many.add(tag("k" + i, "v"));
        }
        ec2.createTags(r -> r.resources(vpc).tags(many));
        List<String> keys = new ArrayList<>();
        String token = null;
        do {
            String t = token;
            var page = ec2.describeTags(r -> r.filters(filter("resource-id", vpc)).maxResults(5).nextToken(t));
            assertThat(page.tags().size()).isLessThanOrEqualTo(5);
            page.tags().forEach(d -> keys.add(d.key()));
            token = page.nextToken();
        } while (token != null);
        assertThat(keys).hasSize(12).doesNotHaveDuplicates();
        fails("TagLimitExceeded", () -> {
            List<Tag> tooMany = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                tooMany.add(tag("more" + i, "v"));
            }
            ec2.createTags(r -> r.resources(vpc).tags(tooMany));
        });
    }
}
