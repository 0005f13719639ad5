package io.kumo.sts;

import io.kumo.core.service.ServiceBinder;
import io.kumo.core.service.ServiceModule;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest;

/** STS. Today only who-am-I; temporary credentials come with IAM. */
public final class StsModule implements ServiceModule {

    @Override
    public String modelName() {
        return "sts";
    }

    @Override
    public void install(ServiceBinder binder) {
        binder.operation("GetCallerIdentity", GetCallerIdentityRequest.class, new GetCallerIdentity());
    }
}
