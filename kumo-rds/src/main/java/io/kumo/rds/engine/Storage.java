package io.kumo.rds.engine;

import io.kumo.rds.support.RdsErrors;

import java.util.List;

/**
 * Storage types and the AllocatedStorage bounds RDS sets for MySQL, MariaDB and PostgreSQL, in
 * GiB: gp2 and gp3 20 to 65536, io1 and io2 100 to 65536, magnetic (standard) 5 to 3072.
 */
public final class Storage {
    public static final String DEFAULT_TYPE = "gp2";
    public static final List<String> TYPES = List.of("gp2", "gp3", "io1", "io2", "standard");

    private Storage() {
    }

    public static int fewest(String type) {
        return switch (type) {
            case "io1", "io2" -> 100;
            case "standard" -> 5;
            default -> 20;
        };
    }

    public static int most(String type) {
        return type.equals("standard") ? 3072 : 65536;
    }

    public static String checkType(String type) {
        String t = type == null ? DEFAULT_TYPE : type;
        if (!TYPES.contains(t)) {
            throw RdsErrors.invalidValue("Invalid storage type: " + t);
        }
        return t;
    }

    /** The size, checked against the type's bounds; RDS names the engine and type when it refuses. */
    public static int checkSize(Integer size, String engine, String type) {
        if (size == null) {
            throw RdsErrors.invalidValue("The parameter AllocatedStorage must be provided and must not be blank.");
        }
        if (size < fewest(type) || size > most(type)) {
            throw RdsErrors.invalidValue("Invalid storage size for engine name " + engine + " and storage type " + type + ": " + size);
        }
        return size;
    }
}
