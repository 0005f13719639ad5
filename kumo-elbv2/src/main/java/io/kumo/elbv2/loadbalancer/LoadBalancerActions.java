package io.kumo.elbv2.loadbalancer;

import io.kumo.core.network.VpcDirectory;
import io.kumo.core.service.ServiceBinder;

import java.util.function.Supplier;

/** Load balancers and their attributes. */
public final class LoadBalancerActions {

    private LoadBalancerActions() {
    }

    public static void register(ServiceBinder binder, Supplier<VpcDirectory> vpcs) {
        binder.table(LoadBalancerRecord.TABLE);
    }
}
