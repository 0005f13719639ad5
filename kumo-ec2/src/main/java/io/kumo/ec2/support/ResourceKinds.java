package io.kumo.ec2.support;

import io.kumo.core.store.Tx;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Every resource kind EC2 serves, by id prefix; used by the tag actions and cross-kind checks. */
public final class ResourceKinds {
    private final Map<String, ResourceKind> byPrefix = new ConcurrentHashMap<>();

    public ResourceKind register(ResourceKind kind) {
        if (byPrefix.putIfAbsent(kind.prefix(), kind) != null) {
            throw new IllegalStateException("two kinds with prefix " + kind.prefix());
        }
        return kind;
    }

    public Optional<ResourceKind> ofId(String id) {
        int dash = id == null ? -1 : id.lastIndexOf('-');
        if (dash <= 0) {
            return Optional.empty();
        }
        return Optional.ofNullable(byPrefix.get(id.substring(0, dash)));
    }

    public Optional<ResourceKind> byResourceType(String resourceType) {
        return byPrefix.values().stream().filter(k -> k.resourceType().equals(resourceType)).findFirst();
    }

    public boolean exists(Tx tx, String id) {
        return ofId(id).map(kind -> tx.get(kind.table(), id).isPresent()).orElse(false);
    }
}
