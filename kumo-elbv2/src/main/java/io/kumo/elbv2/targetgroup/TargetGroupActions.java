package io.kumo.elbv2.targetgroup;

import io.kumo.core.network.VpcDirectory;
import io.kumo.core.service.ServiceBinder;

import java.util.function.Supplier;

/** Target groups and their targets. */
public final class TargetGroupActions {

    private TargetGroupActions() {
    }

    public static void register(ServiceBinder binder, Supplier<VpcDirectory> vpcs) {
        binder.table(TargetGroupRecord.TABLE);
    }
}
