package io.kumo.elbv2.listener;

import io.kumo.core.network.VpcDirectory;
import io.kumo.core.tls.ServerCertificates;
import io.kumo.core.service.ServiceBinder;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateListenerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateRuleRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteListenerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteRuleRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeListenersRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeRulesRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyListenerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyRuleRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.SetRulePrioritiesRequest;

import java.util.function.Supplier;

/** Listeners and their rules. */
public final class ListenerActions {

    private ListenerActions() {
    }

    // The VPC directory is not needed yet: target groups carry their VPC, and load balancers theirs.
    public static void register(ServiceBinder binder, Supplier<VpcDirectory> vpcs, Supplier<ServerCertificates> certificates) {
        binder.table(ListenerRecord.TABLE);
        binder.table(RuleRecord.TABLE);
        binder.operation("CreateListener", CreateListenerRequest.class, new CreateListener(certificates));
        binder.operation("DescribeListeners", DescribeListenersRequest.class, new DescribeListeners());
        binder.operation("ModifyListener", ModifyListenerRequest.class, new ModifyListener(certificates));
        binder.operation("DeleteListener", DeleteListenerRequest.class, new DeleteListener(certificates));
        binder.operation("CreateRule", CreateRuleRequest.class, new CreateRule());
        binder.operation("DescribeRules", DescribeRulesRequest.class, new DescribeRules());
        binder.operation("ModifyRule", ModifyRuleRequest.class, new ModifyRule());
        binder.operation("DeleteRule", DeleteRuleRequest.class, new DeleteRule());
        binder.operation("SetRulePriorities", SetRulePrioritiesRequest.class, new SetRulePriorities());
    }
}
