package io.kumo.elbv2.listener;

import io.kumo.core.network.VpcDirectory;
import io.kumo.core.service.ServiceBinder;

import java.util.function.Supplier;

/** Listeners and their rules. */
public final class ListenerActions {

    private ListenerActions() {
    }

    public static void register(ServiceBinder binder, Supplier<VpcDirectory> vpcs) {
        binder.table(ListenerRecord.TABLE);
        binder.table(RuleRecord.TABLE);
    }
}
