package io.kumo.ec2.network;

import io.kumo.core.store.Table;
import io.kumo.core.store.Tx;
import io.kumo.ec2.support.Ec2Errors;
import io.kumo.ec2.support.ResourceKind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Fetching resources by id with EC2's Malformed and NotFound answers. */
public final class Lookups {
    private Lookups() {
    }

    @SuppressWarnings("unchecked")
    public static <V> V require(Tx tx, ResourceKind kind, String id) {
        if (id == null) {
            throw Ec2Errors.missingParameter(kind.prefix() + "Id");
        }
        kind.check(id);
        Optional<?> found = tx.get(kind.table(), id);
        return (V) found.orElseThrow(() -> Ec2Errors.notFound(kind, id));
    }

    /**
     * The resources a Describe call names, in the order of the table; every id must be well formed
     * and exist, otherwise the error names the missing ones as EC2 does.
     */
    public static <V> List<V> requireAll(Tx tx, ResourceKind kind, Table<V> table, List<String> ids) {
        LinkedHashSet<String> unique = new LinkedHashSet<>(ids);
        for (String id : unique) {
            kind.check(id);
        }
        List<String> missing = new ArrayList<>();
        List<V> found = new ArrayList<>();
        for (String id : unique) {
            tx.get(table, id).ifPresentOrElse(found::add, () -> missing.add(id));
        }
        if (!missing.isEmpty()) {
            throw Ec2Errors.notFound(kind, missing);
        }
        return found;
    }

    /** Describe's selection: everything when no ids are given, else exactly those ids (all must exist). */
    public static <V> List<V> selected(Tx tx, ResourceKind kind, Table<V> table, List<String> ids, Function<V, String> idOf) {
        if (ids == null || ids.isEmpty()) {
            return tx.list(table);
        }
        List<V> found = new ArrayList<>(requireAll(tx, kind, table, ids));
        found.sort(Comparator.comparing(idOf));
        return found;
    }
}
