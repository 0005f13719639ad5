package io.kumo.elbv2;

import io.kumo.core.network.VpcDirectory;
import io.kumo.core.service.ServiceBinder;
import io.kumo.core.service.ServiceModule;
import io.kumo.elbv2.listener.ListenerActions;
import io.kumo.elbv2.loadbalancer.LoadBalancerActions;
import io.kumo.elbv2.runtime.ElbMetricsCommand;
import io.kumo.elbv2.runtime.FrontDoorPorts;
import io.kumo.elbv2.runtime.LoadBalancerRunner;
import io.kumo.elbv2.tag.TagActions;
import io.kumo.elbv2.targetgroup.TargetGroupActions;

import java.util.function.Supplier;

/** Elastic Load Balancing v2. Each area registers its own actions; this only puts them together. */
public final class Elbv2Module implements ServiceModule {

    @Override
    public String modelName() {
        return "elbv2";
    }

    @Override
    public void install(ServiceBinder binder) {
        // looked up at use: the EC2 module that provides it may be installed after this one
        Supplier<VpcDirectory> vpcs = () -> binder.kernel().contracts().require(VpcDirectory.class);
        LoadBalancerActions.register(binder, vpcs);
        TargetGroupActions.register(binder, vpcs);
        ListenerActions.register(binder, vpcs, () -> binder.kernel().contracts().require(io.kumo.core.tls.ServerCertificates.class));
        TagActions.register(binder);
        LoadBalancerRunner runner = new LoadBalancerRunner(binder.kernel().store(), binder.kernel().clock(), binder.kernel().contracts());
        binder.controller(runner);
        binder.provide(io.kumo.core.dns.LoadBalancerHealth.class, runner::targetHealth);
        binder.adminCommand(new FrontDoorPorts(runner));
        binder.adminCommand(new ElbMetricsCommand(runner));
    }
}
