package io.kumo.rds.parameter;

import io.kumo.core.store.Tx;
import io.kumo.rds.support.Arns;
import io.kumo.rds.support.RdsErrors;
import software.amazon.awssdk.services.rds.model.DBParameterGroup;
import software.amazon.awssdk.services.rds.model.Parameter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Finding parameter groups (the implicit defaults included) and showing them and their parameters. */
public final class ParameterGroups {

    private ParameterGroups() {
    }

    /** The group by name: a stored one, or default.FAMILY for a family Kumo has. */
    public static Optional<DbParameterGroupRecord> find(Tx tx, String name) {
        if (name == null) {
            return Optional.empty();
        }
        String key = name.toLowerCase(Locale.ROOT);
        if (key.startsWith(DbParameterGroupRecord.DEFAULT_PREFIX)) {
            String family = key.substring(DbParameterGroupRecord.DEFAULT_PREFIX.length());
            return ParameterCatalogue.forFamily(family).map(c -> defaultGroup(tx, family));
        }
        return tx.get(DbParameterGroupRecord.TABLE, key);
    }

    public static DbParameterGroupRecord require(Tx tx, String name) {
        if (name == null || name.isEmpty()) {
            throw RdsErrors.missing("DBParameterGroupName");
        }
        return find(tx, name).orElseThrow(() -> RdsErrors.parameterGroupNotFound(name));
    }

    /** Every group: the defaults of every family, then the stored ones, by name. */
    static List<DbParameterGroupRecord> all(Tx tx) {
        List<DbParameterGroupRecord> out = new ArrayList<>();
        for (String family : io.kumo.rds.engine.EngineVersions.families()) {
            out.add(defaultGroup(tx, family));
        }
        out.addAll(tx.list(DbParameterGroupRecord.TABLE));
        out.sort((a, b) -> a.name().compareTo(b.name()));
        return out;
    }

    static DbParameterGroupRecord defaultGroup(Tx tx, String family) {
        String name = DbParameterGroupRecord.defaultName(family);
        return new DbParameterGroupRecord(name, family, "Default parameter group for " + family,
                Arns.of(tx.scope().region(), tx.scope().account(), Arns.PARAMETER_GROUP, name), Map.of(), 0, Instant.EPOCH);
    }

    static DBParameterGroup toSdk(DbParameterGroupRecord g) {
        return DBParameterGroup.builder().dbParameterGroupName(g.name()).dbParameterGroupFamily(g.family())
                .description(g.description()).dbParameterGroupArn(g.arn()).build();
    }

    /** A catalogue parameter as the group has it: the user's value and source when set, the default otherwise. */
    static Parameter toSdk(CatalogueParameter p, DbParameterGroupRecord.UserValue set) {
        Parameter.Builder b = Parameter.builder().parameterName(p.name()).description(p.description()).applyType(p.applyType())
                .dataType(p.dataType()).isModifiable(p.modifiable())
                .allowedValues(p.allowedValues() == null || p.allowedValues().isEmpty() ? null : p.allowedValues());
        if (set != null) {
            return b.parameterValue(set.value()).source("user").applyMethod(set.applyMethod()).build();
        }
        return b.parameterValue(p.defaultValue()).source(p.defaultSource()).applyMethod("pending-reboot").build();
    }
}
