package io.kumo.rds;

import io.kumo.core.network.VpcDirectory;
import io.kumo.core.service.ServiceBinder;
import io.kumo.core.service.ServiceModule;
import io.kumo.rds.engine.EngineActions;
import io.kumo.rds.event.EventActions;
import io.kumo.rds.instance.InstanceActions;
import io.kumo.rds.optiongroup.OptionGroupActions;
import io.kumo.rds.parameter.ParameterGroupActions;
import io.kumo.rds.runtime.DbServersRecord;
import io.kumo.rds.runtime.HostEndpoints;
import io.kumo.rds.runtime.RdsRuntime;
import io.kumo.rds.snapshot.SnapshotActions;
import io.kumo.rds.subnetgroup.SubnetGroupActions;
import io.kumo.rds.tag.TagActions;

import java.util.function.Supplier;

/** Relational Database Service. Each area registers its own actions; this only puts them together. */
public final class RdsModule implements ServiceModule {

    @Override
    public String modelName() {
        return "rds";
    }

    @Override
    public void install(ServiceBinder binder) {
        // looked up at use: the EC2 module that provides it may be installed after this one
        Supplier<VpcDirectory> vpcs = () -> binder.kernel().contracts().require(VpcDirectory.class);
        SubnetGroupActions.register(binder, vpcs);
        ParameterGroupActions.register(binder);
        OptionGroupActions.register(binder);
        EngineActions.register(binder);
        InstanceActions.register(binder, vpcs);
        SnapshotActions.register(binder);
        EventActions.register(binder);
        TagActions.register(binder);
        binder.table(DbServersRecord.TABLE);
        RdsRuntime runtime = new RdsRuntime(binder.kernel().settings(), binder.kernel().store(), binder.kernel().clock(),
                binder.kernel().contracts());
        binder.controller(runtime);
        binder.adminCommand(new HostEndpoints(runtime));
    }
}
