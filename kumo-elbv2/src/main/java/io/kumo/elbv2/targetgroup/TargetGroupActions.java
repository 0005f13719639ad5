package io.kumo.elbv2.targetgroup;

import io.kumo.core.network.VpcDirectory;
import io.kumo.core.service.ServiceBinder;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateTargetGroupRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteTargetGroupRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeregisterTargetsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupAttributesRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetHealthRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyTargetGroupAttributesRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyTargetGroupRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RegisterTargetsRequest;

import java.util.function.Supplier;

/** Target groups and their targets. */
public final class TargetGroupActions {

    private TargetGroupActions() {
    }

    public static void register(ServiceBinder binder, Supplier<VpcDirectory> vpcs) {
        binder.table(TargetGroupRecord.TABLE);
        binder.table(TargetHealthRecord.TABLE);
        binder.operation("CreateTargetGroup", CreateTargetGroupRequest.class, new CreateTargetGroup(vpcs));
        binder.operation("DescribeTargetGroups", DescribeTargetGroupsRequest.class, new DescribeTargetGroups());
        binder.operation("ModifyTargetGroup", ModifyTargetGroupRequest.class, new ModifyTargetGroup());
        binder.operation("DeleteTargetGroup", DeleteTargetGroupRequest.class, new DeleteTargetGroup());
        binder.operation("DescribeTargetGroupAttributes", DescribeTargetGroupAttributesRequest.class, new DescribeTargetGroupAttributes());
        binder.operation("ModifyTargetGroupAttributes", ModifyTargetGroupAttributesRequest.class, new ModifyTargetGroupAttributes());
        binder.operation("RegisterTargets", RegisterTargetsRequest.class, new RegisterTargets(vpcs));
        binder.operation("DeregisterTargets", DeregisterTargetsRequest.class, new DeregisterTargets());
        binder.operation("DescribeTargetHealth", DescribeTargetHealthRequest.class, new DescribeTargetHealth(vpcs));
    }
}
