package io.kumo.ec2;

import io.kumo.core.service.ServiceBinder;
import io.kumo.core.service.ServiceModule;
import io.kumo.ec2.compute.ComputeActions;
import io.kumo.ec2.network.NetworkActions;
import io.kumo.ec2.support.Ec2Registrar;

/** EC2 and VPC. Each area registers its own actions; this only puts them together. */
public final class Ec2Module implements ServiceModule {

    @Override
    public String modelName() {
        return "ec2";
    }

    @Override
    public void install(ServiceBinder binder) {
        Ec2Registrar registrar = new Ec2Registrar(binder);
        registrar.binder().provide(io.kumo.core.network.VpcDirectory.class, new io.kumo.ec2.network.Ec2VpcDirectory());
        registrar.binder().provide(io.kumo.core.network.ManagedInterfaces.class, new io.kumo.ec2.compute.eni.Ec2ManagedInterfaces());
        NetworkActions.register(registrar);
        ComputeActions.register(registrar);
    }
}
