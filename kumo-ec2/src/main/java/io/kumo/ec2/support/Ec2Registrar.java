package io.kumo.ec2.support;

import io.kumo.core.service.Handler;
import io.kumo.core.service.Kernel;
import io.kumo.core.service.ServiceBinder;
import io.kumo.core.store.Table;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

/**
 * What each area of EC2 (network, security, compute) uses to register its actions, tables and
 * resource kinds. Every action gets EC2's DryRun behaviour: once the input has decoded and
 * validated, {@code DryRun=true} answers DryRunOperation without running the action.
 */
public final class Ec2Registrar {
    private final ServiceBinder binder;
    private final ResourceKinds kinds = new ResourceKinds();
    private final DependencyChecks dependencies = new DependencyChecks();

    public Ec2Registrar(ServiceBinder binder) {
        this.binder = binder;
        binder.table(ResourceTags.TABLE);
    }

    public Kernel kernel() {
        return binder.kernel();
    }

    public ServiceBinder binder() {
        return binder;
    }

    public ResourceKinds kinds() {
        return kinds;
    }

    public DependencyChecks dependencies() {
        return dependencies;
    }

    public <I extends SdkPojo, O> void action(String name, Class<I> inputType, Handler<I, O> handler) {
        binder.operation(name, inputType, (ctx, input) -> {
            if (isDryRun(input)) {
                throw Ec2Errors.dryRun();
            }
            return handler.handle(ctx, input);
        });
    }

    public void table(Table<?> table) {
        binder.table(table);
    }

    public ResourceKind kind(ResourceKind kind) {
        binder.table(kind.table());
        return kinds.register(kind);
    }

    private static boolean isDryRun(SdkPojo input) {
        for (SdkField<?> field : input.sdkFields()) {
            if (field.memberName().equals("DryRun")) {
                return Boolean.TRUE.equals(field.getValueOrDefault(input));
            }
        }
        return false;
    }
}
