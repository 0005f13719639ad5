package io.kumo.server;

import io.kumo.edge.admin.AdminEndpoints;
import io.kumo.edge.route.ServiceEndpoint;

import java.util.LinkedHashMap;
import java.util.Map;

/** What /_kumo/health reports and what /_kumo/reset does. */
final class Admin implements AdminEndpoints.AdminActions {
    private final Kumo kumo;
    private final AccessKeyStore keys;

    Admin(Kumo kumo, AccessKeyStore keys) {
        this.kumo = kumo;
        this.keys = keys;
    }

    @Override
    public Map<String, Object> health() {
        Map<String, Object> services = new LinkedHashMap<>();
        for (ServiceEndpoint e : kumo.router().all()) {
            services.put(e.model().name(), Map.of(
                    "state", "running",
                    "protocol", e.model().metadata().protocol(),
                    "operations", e.operations()));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", "ready");
        out.put("version", Kumo.VERSION);
        out.put("endpoint", kumo.endpoint());
        out.put("accountId", kumo.settings().accountId());
        out.put("durable", !kumo.settings().ephemeral());
        out.put("dns", Map.of("host", "127.0.0.1", "port", kumo.dnsPort(), "protocols", java.util.List.of("udp", "tcp")));
        out.put("machine", Map.of("root", kumo.machine().root(), "networkNamespaces", kumo.machine().networkNamespaces(),
                "note", kumo.machine().namespaceNote()));
        out.put("services", services);
        return out;
    }

    @Override
    public void reset() {
        kumo.store().reset();
    }

    @Override
    public Map<String, Object> createAccessKey() {
        var created = keys.create();
        return Map.of("AccessKeyId", created.accessKeyId(), "SecretAccessKey", created.secretKey(),
                "AccountId", kumo.settings().accountId());
    }
}
