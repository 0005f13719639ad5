package io.kumo.ec2.network.igw;

import io.kumo.core.store.Tx;
import io.kumo.ec2.support.Filters;
import io.kumo.ec2.support.Tags;
import software.amazon.awssdk.services.ec2.model.InternetGateway;
import software.amazon.awssdk.services.ec2.model.InternetGatewayAttachment;

import java.util.List;
import java.util.Optional;

/** Internet gateways as DescribeInternetGateways shows them, and lookups for other parts of the area. */
public final class InternetGateways {
    /** The state EC2 reports for the attachment of an attached internet gateway. */
    public static final String ATTACHED_STATE = "available";

    private InternetGateways() {
    }

    public static InternetGateway toSdk(Tx tx, InternetGatewayRecord g) {
        List<InternetGatewayAttachment> attachments = g.attached()
                ? List.of(InternetGatewayAttachment.builder().vpcId(g.vpcId()).state(ATTACHED_STATE).build())
                : List.of();
        return InternetGateway.builder()
                .internetGatewayId(g.internetGatewayId())
                .ownerId(g.ownerId())
                .attachments(attachments)
                .tags(Tags.sdkTags(tx, g.internetGatewayId()))
                .build();
    }

    public static Optional<InternetGatewayRecord> attachedTo(Tx tx, String vpcId) {
        return tx.list(InternetGatewayRecord.TABLE).stream().filter(g -> vpcId.equals(g.vpcId())).findFirst();
    }

    public static Filters<InternetGatewayRecord> filters(Tx tx) {
        return Filters.<InternetGatewayRecord>forType(g -> Tags.of(tx, g.internetGatewayId()))
                .one("attachment.state", g -> g.attached() ? ATTACHED_STATE : null)
                .one("attachment.vpc-id", InternetGatewayRecord::vpcId)
                .one("internet-gateway-id", InternetGatewayRecord::internetGatewayId)
                .one("owner-id", InternetGatewayRecord::ownerId);
    }
}
