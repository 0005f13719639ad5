package io.kumo.rds.optiongroup;

import io.kumo.core.store.Table;

/**
 * An option group users created, keyed by its name in lower case. Kumo offers no options, so a
 * group holds none; the default groups (default:ENGINE-MAJOR, such as default:mysql-8-0) are
 * made up by {@link OptionGroups#find}.
 */
public record OptionGroupRecord(String name, String arn, String engineName, String majorEngineVersion, String description) {

    public static final Table<OptionGroupRecord> TABLE = Table.regional("rds.option-groups", OptionGroupRecord.class);
    public static final String DEFAULT_PREFIX = "default:";

    public boolean isDefault() {
        return name.startsWith(DEFAULT_PREFIX);
    }

    /** default:mysql-8-0, default:postgres-16: RDS's names for the engine's default group. */
    public static String defaultName(String engine, String majorVersion) {
        return DEFAULT_PREFIX + engine + "-" + majorVersion.replace('.', '-');
    }
}
