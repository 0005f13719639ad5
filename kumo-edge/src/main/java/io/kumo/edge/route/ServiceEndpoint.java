package io.kumo.edge.route;

import io.kumo.core.RequestContext;
import io.kumo.core.service.AdminCommand;
import io.kumo.core.service.Controller;
import io.kumo.core.service.Handler;
import io.kumo.core.service.Kernel;
import io.kumo.core.service.ServiceBinder;
import io.kumo.core.store.Table;
import io.kumo.protocols.codec.ProtocolCodec;
import io.kumo.protocols.codec.Protocols;
import io.kumo.protocols.model.ServiceModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** One served AWS service: its model, codec and the handlers its module registered. */
public final class ServiceEndpoint implements ServiceBinder {
    private final ServiceModel model;
    private final ProtocolCodec codec;
    private final Kernel kernel;
    private final Map<String, Binding<?, ?>> bindings = new ConcurrentHashMap<>();
    private final List<Table<?>> tables = new ArrayList<>();
    private final List<Controller> controllers = new ArrayList<>();
    private final List<Consumer<RequestContext>> hooks = new ArrayList<>();
    private final List<AdminCommand> adminCommands = new ArrayList<>();

    public record Binding<I, O>(String operation, Class<I> inputType, Handler<I, O> handler) {
    }

    public ServiceEndpoint(ServiceModel model, Kernel kernel) {
        this.model = model;
        this.codec = Protocols.codecFor(model);
        this.kernel = kernel;
    }

    public ServiceModel model() {
        return model;
    }

    public ProtocolCodec codec() {
        return codec;
    }

    public Optional<Binding<?, ?>> binding(String operation) {
        return Optional.ofNullable(bindings.get(operation));
    }

    public List<String> operations() {
        return bindings.keySet().stream().sorted().toList();
    }

    public List<Table<?>> tables() {
        return tables;
    }

    public List<Controller> controllers() {
        return controllers;
    }

    public List<Consumer<RequestContext>> hooks() {
        return hooks;
    }

    public List<AdminCommand> adminCommands() {
        return adminCommands;
    }

    @Override
    public Kernel kernel() {
        return kernel;
    }

    @Override
    public <I, O> void operation(String name, Class<I> inputType, Handler<I, O> handler) {
        if (model.operation(name).isEmpty()) {
            throw new IllegalArgumentException(model.name() + " has no operation " + name);
        }
        if (bindings.putIfAbsent(name, new Binding<>(name, inputType, handler)) != null) {
            throw new IllegalArgumentException("two handlers for " + model.name() + "." + name);
        }
    }

    @Override
    public void table(Table<?> table) {
        tables.add(table);
    }

    @Override
    public void controller(Controller controller) {
        controllers.add(controller);
    }

    @Override
    public void beforeEach(Consumer<RequestContext> hook) {
        hooks.add(hook);
    }

    @Override
    public <T> void provide(Class<T> contract, T implementation) {
        kernel.contracts().provide(contract, implementation);
    }

    @Override
    public void adminCommand(AdminCommand command) {
        adminCommands.add(command);
    }
}
