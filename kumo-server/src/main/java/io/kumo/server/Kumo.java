package io.kumo.server;

import io.kumo.acm.AcmModule;
import io.kumo.core.KumoSettings;
import io.kumo.core.service.AdminCommand;
import io.kumo.core.service.Contracts;
import io.kumo.core.service.Controller;
import io.kumo.core.service.Kernel;
import io.kumo.core.service.ServiceModule;
import io.kumo.core.store.Store;
import io.kumo.ec2.Ec2Module;
import io.kumo.elbv2.Elbv2Module;
import io.kumo.rds.RdsModule;
import io.kumo.edge.admin.AdminEndpoints;
import io.kumo.edge.http.EdgeServer;
import io.kumo.edge.route.Dispatcher;
import io.kumo.edge.route.ServiceEndpoint;
import io.kumo.edge.route.ServiceRouter;
import io.kumo.protocols.model.ServiceModel;
import io.kumo.route53.Route53Module;
import io.kumo.store.EmbeddedStore;
import io.kumo.sts.StsModule;

import java.lang.System.Logger.Level;
import java.net.BindException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** One running Kumo: the store, the service modules, their controllers and the edge, in that order. */
public final class Kumo implements AutoCloseable {
    public static final String VERSION = "0.1.0";
    private static final System.Logger LOG = System.getLogger("kumo");

    private final KumoSettings settings;
    private final MachineFacts machine;
    private final Store store;
    private final ServiceRouter router = new ServiceRouter();
    private final List<Controller> controllers = new ArrayList<>();
    private final List<AdminCommand> commands = new ArrayList<>();
    private EdgeServer edge;
    private int port;
    private io.kumo.ec2.runtime.dns.HostDnsServer dns;

    /** A start that cannot go on: port taken, data dir locked. The message is for the user. */
    public static final class StartupException extends RuntimeException {
        StartupException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private Kumo(KumoSettings settings) {
        this.settings = settings;
        this.machine = MachineFacts.probe();
        this.store = settings.ephemeral() ? EmbeddedStore.inMemory() : EmbeddedStore.durable(settings.dataDir().resolve("store"));
    }

    public static List<ServiceModule> modules() {
        return List.of(new Ec2Module(), new StsModule(), new Route53Module(), new AcmModule(), new Elbv2Module(), new RdsModule());
    }

    public static Kumo start(KumoSettings settings) {
        Kumo kumo = new Kumo(settings);
        try {
            kumo.boot();
            return kumo;
        } catch (RuntimeException | InterruptedException e) {
            kumo.close();
            if (e instanceof StartupException s) {
                throw s;
            }
            throw new StartupException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
    }

    private void boot() throws InterruptedException {
        Kernel kernel = new Kernel(settings, store, Clock.systemUTC(), new Contracts());
        for (ServiceEndpoint endpoint : endpoints(kernel)) {
            router.add(endpoint);
            endpoint.tables().forEach(store::register);
            controllers.addAll(endpoint.controllers());
            commands.addAll(endpoint.adminCommands());
        }
        AccessKeyStore keys = new AccessKeyStore(store, settings.accountId());
        store.register(AccessKeyStore.TABLE);
        store.open();
        controllers.forEach(Controller::start);
        dns = startDns(kernel);
        Dispatcher dispatcher = new Dispatcher(router, Authentication.create(settings, keys), store, kernel.clock(), settings.defaultRegion());
        edge = new EdgeServer(dispatcher, new AdminEndpoints(new Admin(this, keys), commands));
        try {
            port = edge.start(settings.host(), settings.port()).getPort();
        } catch (Exception e) {
            if (e instanceof BindException || e.getCause() instanceof BindException) {
                throw new StartupException("cannot listen on " + settings.host() + ":" + settings.port()
                        + " (" + e.getMessage() + "). Is another Kumo running? Choose another with --port or KUMO_PORT.", e);
            }
            throw e;
        }
    }

    /** The one DNS server's host listener: public hosted zones and Kumo's public names, with authority. */
    private io.kumo.ec2.runtime.dns.HostDnsServer startDns(Kernel kernel) {
        var zones = new io.kumo.ec2.runtime.dns.HostedZoneSources(() -> kernel.contracts().find(io.kumo.core.dns.HostedZoneAnswers.class));
        var generated = kernel.contracts().find(io.kumo.core.dns.GeneratedNames.class).orElseGet(io.kumo.core.dns.GeneratedNames::new);
        try {
            return io.kumo.ec2.runtime.dns.HostDnsServer.start(settings.dnsPort(), io.kumo.ec2.runtime.dns.DnsAnswerer.forHost(zones, generated));
        } catch (java.io.IOException e) {
            throw new StartupException("cannot serve DNS on 127.0.0.1:" + settings.dnsPort() + " (" + e.getMessage()
                    + "). Choose another with --dns-port or KUMO_DNS_PORT.", e);
        }
    }

    /** The DNS server's port on 127.0.0.1. */
    public int dnsPort() {
        return dns == null ? -1 : dns.port();
    }

    /** Models parse in parallel: EC2's is large and start-up time is a promise. */
    private static List<ServiceEndpoint> endpoints(Kernel kernel) {
        List<ServiceModule> modules = modules();
        Map<ServiceModule, Future<ServiceModel>> models = new LinkedHashMap<>();
        try (ExecutorService parse = Executors.newVirtualThreadPerTaskExecutor()) {
            for (ServiceModule module : modules) {
                models.put(module, parse.submit(() -> ServiceModel.load(module.modelName())));
            }
            List<ServiceEndpoint> out = new ArrayList<>();
            for (var entry : models.entrySet()) {
                ServiceEndpoint endpoint = new ServiceEndpoint(entry.getValue().get(), kernel);
                entry.getKey().install(endpoint);
                out.add(endpoint);
            }
            return out;
        } catch (Exception e) {
            throw new StartupException("cannot load service models: " + e.getMessage(), e);
        }
    }

    public KumoSettings settings() {
        return settings;
    }

    MachineFacts machine() {
        return machine;
    }

    public int port() {
        return port;
    }

    public String endpoint() {
        return "http://" + (settings.host().equals("0.0.0.0") ? "127.0.0.1" : settings.host()) + ":" + port;
    }

    public List<String> serviceNames() {
        return router.all().stream().map(e -> e.model().name()).toList();
    }

    ServiceRouter router() {
        return router;
    }

    Store store() {
        return store;
    }

    @Override
    public void close() {
        if (edge != null) {
            edge.close();
        }
        if (dns != null) {
            dns.close();
        }
        for (Controller c : controllers) {
            try {
                c.close();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "controller " + c.name() + " did not stop cleanly", e);
            }
        }
        store.close();
    }
}
