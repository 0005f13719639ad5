package io.kumo.elbv2.targetgroup;

import io.kumo.core.RequestContext;
import io.kumo.core.network.VpcDirectory;
import io.kumo.core.service.Handler;
import io.kumo.elbv2.support.Arns;
import io.kumo.elbv2.support.ElbNames;
import io.kumo.elbv2.support.Elbv2Errors;
import io.kumo.elbv2.tag.Tags;
import io.kumo.elbv2.targetgroup.HealthCheckSettings.GroupKind;
import io.kumo.elbv2.targetgroup.TargetGroupRecord.HealthCheck;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateTargetGroupRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateTargetGroupResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Creates a target group of an application load balancer (HTTP or HTTPS; instance or ip
 * targets). Idempotent as AWS's is: the same name with the same settings answers the existing
 * group, the same name with other settings is DuplicateTargetGroupName.
 */
final class CreateTargetGroup implements Handler<CreateTargetGroupRequest, CreateTargetGroupResponse> {
    static final int MOST_PER_REGION = 3000;
    private static final List<String> PROTOCOLS = List.of("HTTP", "HTTPS", "TCP", "TLS", "UDP", "TCP_UDP", "GENEVE", "QUIC", "TCP_QUIC");
    private static final List<String> TARGET_TYPES = List.of("instance", "ip", "lambda", "alb");
    private static final List<String> PROTOCOL_VERSIONS = List.of("HTTP1", "HTTP2", "GRPC");

    private final Supplier<VpcDirectory> vpcs;

    CreateTargetGroup(Supplier<VpcDirectory> vpcs) {
        this.vpcs = vpcs;
    }

    @Override
    public CreateTargetGroupResponse handle(RequestContext ctx, CreateTargetGroupRequest in) {
        String name = ElbNames.checkTargetGroup(in.name());
        String targetType = in.targetTypeAsString() == null ? "instance" : Limits.oneOf(in.targetTypeAsString(), TARGET_TYPES, "targetType");
        if (!targetType.equals("instance") && !targetType.equals("ip")) {
            throw Elbv2Errors.validation("Target type '" + targetType
                    + "' is not supported: Kumo serves application load balancers with instance and ip targets only");
        }
        String protocol = protocol(in.protocolAsString());
        int port = Limits.range(required(in.port(), "port"), 1, 65535, "port");
        String protocolVersion = in.protocolVersion() == null ? "HTTP1" : Limits.oneOf(in.protocolVersion(), PROTOCOL_VERSIONS, "protocolVersion");
        String ipAddressType = ipAddressType(in.ipAddressTypeAsString());
        HealthCheck check = HealthCheckSettings.apply(HealthCheckSettings.defaults(protocol, protocolVersion),
                HealthCheckSettings.Requested.of(in), new GroupKind(protocol, protocolVersion, targetType));
        String vpcId = required(in.vpcId(), "vpcId");

        TargetGroup group = ctx.write(tx -> {
            if (!vpcs.get().vpcExists(tx, vpcId)) {
                throw Elbv2Errors.validation("The VPC ID '" + vpcId + "' is not found");
            }
            Optional<TargetGroupRecord> same = tx.list(TargetGroupRecord.TABLE).stream().filter(g -> g.name().equals(name)).findFirst();
            if (same.isPresent()) {
                return TargetGroups.toSdk(tx, replay(same.get(), protocol, protocolVersion, port, vpcId, targetType, ipAddressType, check));
            }
            if (tx.list(TargetGroupRecord.TABLE).size() >= MOST_PER_REGION) {
                throw Elbv2Errors.of("TooManyTargetGroups", "You've reached the limit on the number of target groups for your account");
            }
            TargetGroupRecord created = new TargetGroupRecord(Arns.targetGroup(ctx.region(), ctx.accountId(), name), name, protocol,
                    protocolVersion, port, vpcId, targetType, ipAddressType, check, TargetGroupAttributes.defaultValues(), List.of(),
                    ctx.receivedAt());
            tx.put(TargetGroupRecord.TABLE, created.arn(), created);
            Tags.add(tx, created.arn(), in.tags());
            return TargetGroups.toSdk(tx, created);
        });
        return CreateTargetGroupResponse.builder().targetGroups(group).build();
    }

    private static TargetGroupRecord replay(TargetGroupRecord existing, String protocol, String protocolVersion, int port, String vpcId,
                                            String targetType, String ipAddressType, HealthCheck check) {
        boolean sameSettings = existing.protocol().equals(protocol) && existing.protocolVersion().equals(protocolVersion)
                && existing.port() == port && existing.vpcId().equals(vpcId) && existing.targetType().equals(targetType)
                && existing.ipAddressType().equals(ipAddressType) && existing.healthCheck().equals(check);
        if (!sameSettings) {
            throw Elbv2Errors.of("DuplicateTargetGroupName",
                    "A target group with the same name '" + existing.name() + "' exists, but with different settings");
        }
        return existing;
    }

    private static String protocol(String given) {
        String protocol = Limits.oneOf(required(given, "protocol"), PROTOCOLS, "protocol");
        if (!protocol.equals("HTTP") && !protocol.equals("HTTPS")) {
            throw Elbv2Errors.validation("Protocol '" + protocol
                    + "' is not supported: Kumo serves application load balancers, whose target groups use HTTP or HTTPS");
        }
        return protocol;
    }

    private static String ipAddressType(String given) {
        String type = given == null ? "ipv4" : Limits.oneOf(given, List.of("ipv4", "ipv6"), "ipAddressType");
        if (!type.equals("ipv4")) {
            throw Elbv2Errors.validation("IP address type '" + type + "' is not supported: Kumo's target groups are ipv4");
        }
        return type;
    }

    private static <T> T required(T value, String member) {
        if (value == null) {
            // AWS: required for instance and ip target groups, though the model marks only Name required
            throw Elbv2Errors.validation("A value for '" + member + "' is required for target groups with target type 'instance' or 'ip'");
        }
        return value;
    }
}
