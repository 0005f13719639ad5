package io.kumo.rds.parameter;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a server should run with, from a parameter group: every modifiable parameter that has a
 * literal value (set by a user, or RDS's default), by name, split by when it can take effect.
 * RDS's formula defaults ({DBInstanceClassMemory/...}) are left out: the runtime sizes those
 * itself. A pure function, for the runtime.
 *
 * @param dynamic  parameters the server can take while running (SET GLOBAL, ALTER SYSTEM + reload)
 * @param statics  parameters that need a restart: written to the server's configuration, applied at the next (re)boot
 * @param userSet  the names users set in the group, for the runtime to tell them from defaults
 */
public record EffectiveParameters(Map<String, String> dynamic, Map<String, String> statics, java.util.Set<String> userSet) {

    public EffectiveParameters {
        dynamic = Map.copyOf(dynamic);
        statics = Map.copyOf(statics);
        userSet = java.util.Set.copyOf(userSet);
    }

    public static EffectiveParameters of(DbParameterGroupRecord group, ParameterCatalogue catalogue) {
        Map<String, String> dynamic = new TreeMap<>();
        Map<String, String> statics = new TreeMap<>();
        for (CatalogueParameter p : catalogue.parameters()) {
            DbParameterGroupRecord.UserValue set = group.values().get(p.name());
            String value = set != null ? set.value() : p.defaultIsFormula() ? null : p.defaultValue();
            if (value == null || !p.modifiable()) {
                continue;
            }
            (p.isStatic() ? statics : dynamic).put(p.name(), value);
        }
        return new EffectiveParameters(dynamic, statics, group.values().keySet());
    }
}
