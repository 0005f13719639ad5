package io.kumo.rds.engine;

import io.kumo.rds.support.RdsErrors;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The engines and versions Kumo offers, under the names RDS uses. Which real server answers for
 * each is the runtime's business (docs/rds.md).
 */
public final class EngineVersions {
    public static final String MYSQL = "mysql";
    public static final String MARIADB = "mariadb";
    public static final String POSTGRES = "postgres";

    public static final List<Engine> ALL = List.of(
            new Engine(MYSQL, "MySQL Community Edition", 3306, "general-public-license", 41, 32, 64, versions(
                    "mysql8.0", "8.0", "8.0.39", "8.0.40", "8.0.41", "8.0.42", "8.0.43",
                    "mysql8.4", "8.4", "8.4.3", "8.4.4", "8.4.5", "8.4.6")),
            new Engine(MARIADB, "MariaDb Community Edition", 3306, "general-public-license", 41, 16, 64, versions(
                    "mariadb10.11", "10.11", "10.11.9", "10.11.10", "10.11.11", "10.11.13",
                    "mariadb11.4", "11.4", "11.4.4", "11.4.5", "11.4.7")),
            new Engine(POSTGRES, "PostgreSQL", 5432, "postgresql-license", 128, 63, 63, versions(
                    "postgres14", "14", "14.15", "14.17", "14.18",
                    "postgres15", "15", "15.10", "15.12", "15.13",
                    "postgres16", "16", "16.6", "16.8", "16.9",
                    "postgres17", "17", "17.2", "17.4", "17.5", "17.6")));

    private EngineVersions() {
    }

    public static Optional<Engine> engine(String name) {
        return name == null ? Optional.empty() : ALL.stream().filter(e -> e.name().equals(name.toLowerCase(Locale.ROOT))).findFirst();
    }

    /** The engine, or InvalidParameterValue as RDS answers an engine it does not know. */
    public static Engine require(String name) {
        if (name == null || name.isEmpty()) {
            throw RdsErrors.missing("Engine");
        }
        return engine(name).orElseThrow(() -> RdsErrors.invalidValue("Invalid DB engine: " + name));
    }

    /**
     * The version asked for: an exact name, or a major version ("8.0", "16") meaning its newest
     * minor version, or the engine's newest when none is given.
     */
    public static Engine.Version version(Engine engine, String asked) {
        if (asked == null || asked.isEmpty()) {
            return engine.newest();
        }
        List<Engine.Version> matching = engine.versions().stream()
                .filter(v -> v.version().equals(asked) || v.majorVersion().equals(asked)).toList();
        if (matching.isEmpty()) {
            throw RdsErrors.invalidCombination("Cannot find version " + asked + " for " + engine.name());
        }
        return matching.getLast();
    }

    /** The family's engine version, such as mysql8.0 → 8.0.43 (its newest). */
    public static Optional<Engine.Version> newestOfFamily(String family) {
        return ALL.stream().flatMap(e -> e.versions().stream()).filter(v -> v.family().equals(family)).reduce((a, b) -> b);
    }

    /** The engine of a parameter group family. */
    public static Optional<Engine> engineOfFamily(String family) {
        return ALL.stream().filter(e -> e.versions().stream().anyMatch(v -> v.family().equals(family))).findFirst();
    }

    public static List<String> families() {
        return ALL.stream().flatMap(e -> e.versions().stream()).map(Engine.Version::family).distinct().toList();
    }

    /** Groups "family", "major", then versions into families: each family's marker starts a run. */
    private static List<Engine.Version> versions(String... items) {
        List<Engine.Version> out = new ArrayList<>();
        String family = null;
        String major = null;
        for (int i = 0; i < items.length; i++) {
            String item = items[i];
            if (Character.isLetter(item.charAt(0))) {
                family = item;
                major = items[++i];
            } else {
                out.add(new Engine.Version(item, family, major));
            }
        }
        return List.copyOf(out);
    }
}
