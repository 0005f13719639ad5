package io.kumo.rds;

import io.kumo.core.service.ServiceBinder;
import io.kumo.core.service.ServiceModule;

/** Relational Database Service. Each area registers its own actions; this only puts them together. */
public final class RdsModule implements ServiceModule {

    @Override
    public String modelName() {
        return "rds";
    }

    @Override
    public void install(ServiceBinder binder) {
    }
}
