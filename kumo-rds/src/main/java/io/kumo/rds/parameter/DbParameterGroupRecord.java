package io.kumo.rds.parameter;

import io.kumo.core.store.Table;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * A DB parameter group users created, keyed by its name in lower case. The default groups
 * (default.FAMILY) are not stored: {@link ParameterGroups#find} makes them up, with no values set.
 *
 * @param values    the values users set, by parameter name; every other parameter has the catalogue's default
 * @param revision  goes up with every change of values, so that the runtime sees what it has applied
 * @param modifiedAt when values last changed
 */
public record DbParameterGroupRecord(String name, String family, String description, String arn, Map<String, UserValue> values,
                                     long revision, Instant modifiedAt) {

    public static final Table<DbParameterGroupRecord> TABLE = Table.regional("rds.parameter-groups", DbParameterGroupRecord.class);
    public static final String DEFAULT_PREFIX = "default.";

    public DbParameterGroupRecord {
        values = Map.copyOf(values);
    }

    /**
     * A value a user set.
     *
     * @param applyMethod "immediate" or "pending-reboot", as asked
     * @param applyType   the parameter's "static" or "dynamic", copied from the catalogue so that readers need not look it up
     */
    public record UserValue(String value, String applyMethod, String applyType) {
    }

    public boolean isDefault() {
        return name.startsWith(DEFAULT_PREFIX);
    }

    public static String defaultName(String family) {
        return DEFAULT_PREFIX + family;
    }

    public DbParameterGroupRecord withValues(Map<String, UserValue> newValues, Instant at) {
        return new DbParameterGroupRecord(name, family, description, arn, new TreeMap<>(newValues), revision + 1, at);
    }
}
