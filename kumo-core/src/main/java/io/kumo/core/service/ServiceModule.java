package io.kumo.core.service;

/** One AWS service: its operations, tables, controllers and the contracts it offers others. */
public interface ServiceModule {

    /** The name of the service model it serves (the botocore directory name, e.g. "ec2"). */
    String modelName();

    void install(ServiceBinder binder);
}
