package io.kumo.core.service;

import io.kumo.core.RequestContext;
import io.kumo.core.store.Table;

import java.util.function.Consumer;

/** What a service module uses to plug itself into Kumo. */
public interface ServiceBinder {

    Kernel kernel();

    <I, O> void operation(String name, Class<I> inputType, Handler<I, O> handler);

    void table(Table<?> table);

    void controller(Controller controller);

    /** Runs before every operation of this service, after authentication. */
    void beforeEach(Consumer<RequestContext> hook);

    /** Offers a contract (an interface the providing module owns) to other modules. */
    <T> void provide(Class<T> contract, T implementation);

    /** Offers one of Kumo's own commands at {@code /_kumo/commands/<name>}. */
    void adminCommand(AdminCommand command);
}
