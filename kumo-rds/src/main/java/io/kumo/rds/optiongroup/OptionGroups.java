package io.kumo.rds.optiongroup;

import io.kumo.core.store.Tx;
import io.kumo.rds.engine.Engine;
import io.kumo.rds.engine.EngineVersions;
import io.kumo.rds.support.Arns;
import io.kumo.rds.support.RdsErrors;
import software.amazon.awssdk.services.rds.model.OptionGroup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Finding option groups (the implicit defaults included) and showing them. */
public final class OptionGroups {

    private OptionGroups() {
    }

    public static Optional<OptionGroupRecord> find(Tx tx, String name) {
        if (name == null) {
            return Optional.empty();
        }
        String key = name.toLowerCase(Locale.ROOT);
        return defaults(tx).stream().filter(g -> g.name().equals(key)).findFirst().or(() -> tx.get(OptionGroupRecord.TABLE, key));
    }

    public static OptionGroupRecord require(Tx tx, String name) {
        if (name == null || name.isEmpty()) {
            throw RdsErrors.missing("OptionGroupName");
        }
        return find(tx, name).orElseThrow(() -> RdsErrors.optionGroupNotFound(name));
    }

    /** The default group of the engine's major version. */
    public static String defaultFor(String engine, String majorVersion) {
        return OptionGroupRecord.defaultName(engine, majorVersion);
    }

    static List<OptionGroupRecord> all(Tx tx) {
        List<OptionGroupRecord> out = new ArrayList<>(defaults(tx));
        out.addAll(tx.list(OptionGroupRecord.TABLE));
        out.sort((a, b) -> a.name().compareTo(b.name()));
        return out;
    }

    private static List<OptionGroupRecord> defaults(Tx tx) {
        List<OptionGroupRecord> out = new ArrayList<>();
        for (Engine engine : EngineVersions.ALL) {
            engine.versions().stream().map(Engine.Version::majorVersion).distinct().forEach(major -> {
                String name = OptionGroupRecord.defaultName(engine.name(), major);
                out.add(new OptionGroupRecord(name, Arns.of(tx.scope().region(), tx.scope().account(), Arns.OPTION_GROUP, name),
                        engine.name(), major, "Default option group for " + engine.name() + " " + major));
            });
        }
        return out;
    }

    static OptionGroup toSdk(OptionGroupRecord g) {
        return OptionGroup.builder().optionGroupName(g.name()).optionGroupDescription(g.description()).engineName(g.engineName())
                .majorEngineVersion(g.majorEngineVersion()).options(List.of()).allowsVpcAndNonVpcInstanceMemberships(true)
                .optionGroupArn(g.arn()).build();
    }
}
