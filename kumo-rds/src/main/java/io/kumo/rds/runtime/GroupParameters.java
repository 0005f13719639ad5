package io.kumo.rds.runtime;

import io.kumo.core.store.Tx;
import io.kumo.rds.instance.DbInstanceRecord;
import io.kumo.rds.parameter.DbParameterGroupRecord;
import io.kumo.rds.parameter.EffectiveParameters;
import io.kumo.rds.parameter.ParameterCatalogue;
import io.kumo.rds.parameter.ParameterGroups;

import java.util.Map;
import java.util.TreeMap;

/**
 * What an instance's parameter group asks of its servers. Only the values users set are given to
 * the servers: RDS's defaults are sized for its machines (a 128 MiB redo log, buffer pools from
 * the class's memory), and Kumo's small-memory defaults stand in for them.
 *
 * @param revision the group's revision these values are from
 */
record GroupParameters(Map<String, String> dynamic, Map<String, String> statics, long revision) {

    static GroupParameters of(Tx tx, DbInstanceRecord instance) {
        DbParameterGroupRecord group = ParameterGroups.find(tx, instance.settings().parameterGroupName()).orElse(null);
        if (group == null) {
            return new GroupParameters(Map.of(), Map.of(), instance.observed().appliedParameterRevision());
        }
        EffectiveParameters effective = ParameterCatalogue.forFamily(group.family()).map(c -> EffectiveParameters.of(group, c)).orElse(null);
        Map<String, String> dynamic = new TreeMap<>();
        Map<String, String> statics = new TreeMap<>();
        if (effective != null) {
            effective.dynamic().forEach((k, v) -> {
                if (effective.userSet().contains(k)) {
                    dynamic.put(k, v);
                }
            });
            effective.statics().forEach((k, v) -> {
                if (effective.userSet().contains(k)) {
                    statics.put(k, v);
                }
            });
        }
        return new GroupParameters(Map.copyOf(dynamic), Map.copyOf(statics), group.revision());
    }

    /** Everything, as startup parameters: a server (re)started with these runs with the whole group. */
    Map<String, String> startup() {
        Map<String, String> all = new TreeMap<>(statics);
        all.putAll(dynamic);
        return all;
    }
}
