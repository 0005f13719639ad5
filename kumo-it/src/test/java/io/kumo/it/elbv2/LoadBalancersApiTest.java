package io.kumo.it.elbv2;

import io.kumo.it.KumoHarness;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateLoadBalancerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ElasticLoadBalancingV2Exception;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerAttribute;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The load-balancer part of the ELBv2 API through the SDK: validation, idempotency, attributes, tags, pages, waiters. */
class LoadBalancersApiTest {
    private static final KumoHarness KUMO = KumoHarness.shared();
    private static final ElasticLoadBalancingV2Client ELB = KUMO.elbv2();
    private static final Ec2Client EC2 = KUMO.ec2();
    private static final Consumer<WaiterOverrideConfiguration.Builder> FAST = w -> w
            .backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofMillis(100))).maxAttempts(100);
    private static Network net;

    record Network(String vpcId, String subnetA, String subnetA2, String subnetC, String group, String otherVpcSubnet, String otherVpcGroup) {
    }

    @BeforeAll
    static void network() {
        String vpc = EC2.createVpc(r -> r.cidrBlock("10.40.0.0/16")).vpc().vpcId();
        String igw = EC2.createInternetGateway(r -> { }).internetGateway().internetGatewayId();
        EC2.attachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpc));
        String a = subnet(vpc, "10.40.0.0/24", "ap-northeast-1a");
        String a2 = subnet(vpc, "10.40.1.0/24", "ap-northeast-1a");
        String c = subnet(vpc, "10.40.2.0/24", "ap-northeast-1c");
        String group = EC2.createSecurityGroup(r -> r.vpcId(vpc).groupName("elb-sg").description("elb")).groupId();
        String other = EC2.createVpc(r -> r.cidrBlock("10.41.0.0/16")).vpc().vpcId();
        String otherSubnet = subnet(other, "10.41.0.0/24", "ap-northeast-1c");
        String otherGroup = EC2.createSecurityGroup(r -> r.vpcId(other).groupName("other-sg").description("other")).groupId();
        net = new Network(vpc, a, a2, c, group, otherSubnet, otherGroup);
    }

    private static String subnet(String vpc, String cidr, String zone) {
        return EC2.createSubnet(r -> r.vpcId(vpc).cidrBlock(cidr).availabilityZone(zone)).subnet().subnetId();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static LoadBalancer create(String name, Consumer<CreateLoadBalancerRequest.Builder> extra) {
        return ELB.createLoadBalancer(r -> {
            r.name(name).subnets(net.subnetA(), net.subnetC()).securityGroups(net.group());
            extra.accept(r);
        }).loadBalancers().getFirst();
    }

    private static String code(Runnable call) {
        try {
            call.run();
            return "none";
        } catch (ElasticLoadBalancingV2Exception e) {
            assertThat(e.statusCode()).isEqualTo(400);
            return e.awsErrorDetails().errorCode();
        }
    }

    @Test
    void aLoadBalancerIsProvisionedThenActiveWithAnAwsShapedIdentity() {
        String name = unique("Test-ELB");
        LoadBalancer lb = create(name, r -> { });
        assertThat(lb.loadBalancerArn()).matches("arn:aws:elasticloadbalancing:ap-northeast-1:\\d{12}:loadbalancer/app/" + name + "/[0-9a-f]{16}");
        assertThat(lb.dnsName()).matches(name + "-[1-9]\\d{9}\\.ap-northeast-1\\.elb\\.localhost");
        assertThat(lb.canonicalHostedZoneId()).isEqualTo("Z14GRHDCWA56QT");
        assertThat(lb.state().codeAsString()).isIn("provisioning", "active");
        assertThat(lb.schemeAsString()).isEqualTo("internet-facing");
        assertThat(lb.typeAsString()).isEqualTo("application");
        assertThat(lb.vpcId()).isEqualTo(net.vpcId());
        assertThat(lb.securityGroups()).containsExactly(net.group());
        assertThat(lb.availabilityZones()).extracting(z -> z.zoneName() + "=" + z.subnetId())
                .containsExactly("ap-northeast-1a=" + net.subnetA(), "ap-northeast-1c=" + net.subnetC());

        ELB.waiter().waitUntilLoadBalancerAvailable(r -> r.loadBalancerArns(lb.loadBalancerArn()), FAST);
        LoadBalancer described = ELB.describeLoadBalancers(r -> r.names(name)).loadBalancers().getFirst();
        assertThat(described.state().codeAsString()).isEqualTo("active");
        assertThat(described.createdTime()).isEqualTo(lb.createdTime());

        var nodes = EC2.describeNetworkInterfaces(r -> r.filters(f -> f.name("description")
                .values("ELB app/" + name + "/" + lb.loadBalancerArn().substring(lb.loadBalancerArn().lastIndexOf('/') + 1))))
                .networkInterfaces();
        assertThat(nodes).extracting(n -> n.subnetId()).containsExactlyInAnyOrder(net.subnetA(), net.subnetC());
        assertThat(nodes).allSatisfy(n -> {
            assertThat(n.requesterManaged()).isTrue();
            assertThat(n.requesterId()).isEqualTo("amazon-elb");
            assertThat(n.statusAsString()).isEqualTo("in-use");
            assertThat(n.groups()).extracting(g -> g.groupId()).containsExactly(net.group());
        });
        assertThatThrownBy(() -> EC2.deleteNetworkInterface(r -> r.networkInterfaceId(nodes.getFirst().networkInterfaceId())))
                .isInstanceOfSatisfying(software.amazon.awssdk.services.ec2.model.Ec2Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidNetworkInterface.InUse"));
        assertThatThrownBy(() -> EC2.deleteSecurityGroup(r -> r.groupId(net.group())))
                .isInstanceOfSatisfying(software.amazon.awssdk.services.ec2.model.Ec2Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("DependencyViolation"));

        assertThat(create(name, r -> { }).loadBalancerArn()).as("the same settings again").isEqualTo(lb.loadBalancerArn());
        assertThat(code(() -> create(name, r -> r.scheme("internal")))).isEqualTo("DuplicateLoadBalancerName");

        ELB.deleteLoadBalancer(r -> r.loadBalancerArn(lb.loadBalancerArn()));
        assertThat(code(() -> ELB.describeLoadBalancers(r -> r.loadBalancerArns(lb.loadBalancerArn())))).isEqualTo("LoadBalancerNotFound");
        ELB.deleteLoadBalancer(r -> r.loadBalancerArn(lb.loadBalancerArn()));
        ELB.waiter().waitUntilLoadBalancersDeleted(r -> r.loadBalancerArns(lb.loadBalancerArn()), FAST);
        for (var node : nodes) {
            assertThat(EC2.describeNetworkInterfaces(r -> r.filters(f -> f.name("network-interface-id").values(node.networkInterfaceId())))
                    .networkInterfaces()).as("the nodes go with the load balancer").isEmpty();
        }
    }

    @Test
    void internalLoadBalancersNeedNoGatewayAndTakeTheDefaultGroup() {
        String vpc = EC2.createVpc(r -> r.cidrBlock("10.42.0.0/16")).vpc().vpcId();
        String a = subnet(vpc, "10.42.0.0/24", "ap-northeast-1a");
        String c = subnet(vpc, "10.42.1.0/24", "ap-northeast-1c");
        String name = unique("internal-app").substring("internal-".length());
        assertThat(code(() -> ELB.createLoadBalancer(r -> r.name(name).subnets(a, c)))).isEqualTo("InvalidSubnet");
        LoadBalancer lb = ELB.createLoadBalancer(r -> r.name(name).subnets(a, c).scheme("internal")).loadBalancers().getFirst();
        assertThat(lb.dnsName()).matches("internal-" + name + "-[1-9]\\d{9}\\.ap-northeast-1\\.elb\\.amazonaws\\.com");
        String defaultGroup = EC2.describeSecurityGroups(r -> r.filters(f -> f.name("vpc-id").values(vpc), f -> f.name("group-name").values("default")))
                .securityGroups().getFirst().groupId();
        assertThat(lb.securityGroups()).containsExactly(defaultGroup);
        ELB.deleteLoadBalancer(r -> r.loadBalancerArn(lb.loadBalancerArn()));
    }

    @Test
    void badPlacementsAndSettingsGetElbsCodes() {
        assertThat(code(() -> ELB.createLoadBalancer(r -> r.name(unique("one")).subnets(net.subnetA())))).isEqualTo("ValidationError");
        assertThat(code(() -> ELB.createLoadBalancer(r -> r.name(unique("same-zone")).subnets(net.subnetA(), net.subnetA2()))))
                .isEqualTo("InvalidConfigurationRequest");
        assertThat(code(() -> ELB.createLoadBalancer(r -> r.name(unique("nowhere")).subnets(net.subnetA(), "subnet-0123456789abcdef0"))))
                .isEqualTo("SubnetNotFound");
        assertThat(code(() -> ELB.createLoadBalancer(r -> r.name(unique("two-vpcs")).subnets(net.subnetA(), net.otherVpcSubnet()))))
                .isEqualTo("InvalidConfigurationRequest");
        assertThat(code(() -> create(unique("foreign-sg"), r -> r.securityGroups(net.otherVpcGroup())))).isEqualTo("InvalidSecurityGroup");
        assertThat(code(() -> create(unique("no-sg"), r -> r.securityGroups("sg-0123456789abcdef0")))).isEqualTo("InvalidSecurityGroup");
        assertThat(code(() -> create("bad_name", r -> { }))).isEqualTo("ValidationError");
        assertThat(code(() -> create("-dash", r -> { }))).isEqualTo("ValidationError");
        assertThat(code(() -> create("a".repeat(33), r -> { }))).isEqualTo("ValidationError");
        assertThat(code(() -> create("internal-x", r -> { }))).isEqualTo("ValidationError");
        assertThat(code(() -> create(unique("nlb"), r -> r.type("network")))).isEqualTo("ValidationError");
        assertThat(code(() -> create(unique("v6"), r -> r.ipAddressType("dualstack")))).isEqualTo("ValidationError");
        assertThat(code(() -> ELB.describeLoadBalancers(r -> r.names("bad_name")))).as("nothing was made").isEqualTo("LoadBalancerNotFound");
    }

    @Test
    void attributesHaveAwsDefaultsAndChecksAndDeletionProtectionHolds() {
        LoadBalancer lb = create(unique("attrs"), r -> { });
        Map<String, String> defaults = attributes(lb);
        assertThat(defaults).containsEntry("idle_timeout.timeout_seconds", "60").containsEntry("routing.http2.enabled", "true")
                .containsEntry("deletion_protection.enabled", "false").containsEntry("access_logs.s3.enabled", "false");
        ELB.modifyLoadBalancerAttributes(r -> r.loadBalancerArn(lb.loadBalancerArn()).attributes(
                attribute("idle_timeout.timeout_seconds", "120"), attribute("deletion_protection.enabled", "true")));
        assertThat(attributes(lb)).containsEntry("idle_timeout.timeout_seconds", "120").containsEntry("deletion_protection.enabled", "true");
        assertThat(code(() -> ELB.modifyLoadBalancerAttributes(r -> r.loadBalancerArn(lb.loadBalancerArn())
                .attributes(attribute("idle_timeout.timeout_seconds", "0"))))).isEqualTo("ValidationError");
        assertThat(code(() -> ELB.modifyLoadBalancerAttributes(r -> r.loadBalancerArn(lb.loadBalancerArn())
                .attributes(attribute("no.such.key", "1"))))).isEqualTo("ValidationError");
        assertThat(code(() -> ELB.modifyLoadBalancerAttributes(r -> r.loadBalancerArn(lb.loadBalancerArn())
                .attributes(attribute("access_logs.s3.enabled", "true"))))).isEqualTo("ValidationError");
        assertThat(attributes(lb)).as("a refused change leaves everything as it was").containsEntry("idle_timeout.timeout_seconds", "120");

        assertThat(code(() -> ELB.deleteLoadBalancer(r -> r.loadBalancerArn(lb.loadBalancerArn())))).isEqualTo("OperationNotPermitted");
        ELB.modifyLoadBalancerAttributes(r -> r.loadBalancerArn(lb.loadBalancerArn()).attributes(attribute("deletion_protection.enabled", "false")));
        ELB.deleteLoadBalancer(r -> r.loadBalancerArn(lb.loadBalancerArn()));
    }

    @Test
    void securityGroupsAndSubnetsCanBeReplaced() {
        LoadBalancer lb = create(unique("moves"), r -> { });
        String second = EC2.createSecurityGroup(r -> r.vpcId(net.vpcId()).groupName(unique("second")).description("2")).groupId();
        assertThat(ELB.setSecurityGroups(r -> r.loadBalancerArn(lb.loadBalancerArn()).securityGroups(second)).securityGroupIds())
                .containsExactly(second);
        assertThat(code(() -> ELB.setSecurityGroups(r -> r.loadBalancerArn(lb.loadBalancerArn()).securityGroups(net.otherVpcGroup()))))
                .isEqualTo("InvalidSecurityGroup");
        String groupNow = second;
        var zones = ELB.setSubnets(r -> r.loadBalancerArn(lb.loadBalancerArn()).subnets(net.subnetA2(), net.subnetC())).availabilityZones();
        var nodes = EC2.describeNetworkInterfaces(r -> r.filters(f -> f.name("description").values("ELB app/" + lb.loadBalancerName() + "/*")))
                .networkInterfaces();
        assertThat(nodes).extracting(n -> n.subnetId()).containsExactlyInAnyOrder(net.subnetA2(), net.subnetC());
        assertThat(nodes).allSatisfy(n -> assertThat(n.groups()).extracting(g -> g.groupId()).containsExactly(groupNow));
        assertThat(zones).extracting(z -> z.subnetId()).containsExactly(net.subnetA2(), net.subnetC());
        assertThat(code(() -> ELB.setSubnets(r -> r.loadBalancerArn(lb.loadBalancerArn()).subnets(net.otherVpcSubnet(), net.subnetA()))))
                .isEqualTo("InvalidConfigurationRequest");
        LoadBalancer now = ELB.describeLoadBalancers(r -> r.loadBalancerArns(lb.loadBalancerArn())).loadBalancers().getFirst();
        assertThat(now.securityGroups()).containsExactly(second);
        assertThat(now.availabilityZones()).extracting(z -> z.subnetId()).containsExactly(net.subnetA2(), net.subnetC());
        ELB.deleteLoadBalancer(r -> r.loadBalancerArn(lb.loadBalancerArn()));
    }

    @Test
    void tagsAreAddedReplacedRemovedAndChecked() {
        LoadBalancer lb = create(unique("tags"), r -> r.tags(tag("env", "dev")));
        String arn = lb.loadBalancerArn();
        ELB.addTags(r -> r.resourceArns(arn).tags(tag("env", "prod"), tag("team", "web")));
        assertThat(tags(arn)).containsExactly(Map.entry("env", "prod"), Map.entry("team", "web"));
        ELB.removeTags(r -> r.resourceArns(arn).tagKeys("env", "absent"));
        assertThat(tags(arn)).containsExactly(Map.entry("team", "web"));
        assertThat(code(() -> ELB.addTags(r -> r.resourceArns(arn).tags(tag("k", "1"), tag("k", "2"))))).isEqualTo("DuplicateTagKeys");
        List<Tag> many = IntStream.range(0, 50).mapToObj(i -> tag("k" + i, "v")).toList();
        assertThat(code(() -> ELB.addTags(r -> r.resourceArns(arn).tags(many)))).isEqualTo("TooManyTags");
        assertThat(code(() -> ELB.describeTags(r -> r.resourceArns(arn.replaceAll("[0-9a-f]{16}$", "0000000000000000")))))
                .isEqualTo("LoadBalancerNotFound");
        assertThat(code(() -> ELB.describeTags(r -> r.resourceArns("arn:aws:s3:::bucket")))).isEqualTo("ValidationError");
        ELB.deleteLoadBalancer(r -> r.loadBalancerArn(arn));
    }

    @Test
    void describeGoesPageByPage() {
        List<String> arns = IntStream.range(0, 3).mapToObj(i -> create(unique("page" + i), r -> { }).loadBalancerArn()).toList();
        var first = ELB.describeLoadBalancers(r -> r.loadBalancerArns(arns).pageSize(2));
        assertThat(first.loadBalancers()).hasSize(2);
        assertThat(first.nextMarker()).isNotNull();
        var second = ELB.describeLoadBalancers(r -> r.loadBalancerArns(arns).pageSize(2).marker(first.nextMarker()));
        assertThat(second.loadBalancers()).hasSize(1);
        assertThat(second.nextMarker()).isNull();
        assertThat(code(() -> ELB.describeLoadBalancers(r -> r.pageSize(401)))).isEqualTo("ValidationError");
        assertThat(code(() -> ELB.describeLoadBalancers(r -> r.marker("garbage!")))).isEqualTo("ValidationError");
        arns.forEach(arn -> ELB.deleteLoadBalancer(r -> r.loadBalancerArn(arn)));
    }

    private static Map<String, String> attributes(LoadBalancer lb) {
        return ELB.describeLoadBalancerAttributes(r -> r.loadBalancerArn(lb.loadBalancerArn())).attributes().stream()
                .collect(Collectors.toMap(LoadBalancerAttribute::key, LoadBalancerAttribute::value));
    }

    private static LoadBalancerAttribute attribute(String key, String value) {
        return LoadBalancerAttribute.builder().key(key).value(value).build();
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    private static List<Map.Entry<String, String>> tags(String arn) {
        return ELB.describeTags(r -> r.resourceArns(arn)).tagDescriptions().getFirst().tags().stream()
                .map(t -> Map.entry(t.key(), t.value())).toList();
    }
}
