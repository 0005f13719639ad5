package io.kumo.rds.instance;

import io.kumo.rds.engine.Engine;
import io.kumo.rds.support.RdsErrors;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** RDS's rules for the values CreateDBInstance and ModifyDBInstance take, per engine. */
public final class InstanceRules {
    public static final int FEWEST_PASSWORD_CHARACTERS = 8;
    public static final int LOWEST_PORT = 1150;
    public static final int MOST_BACKUP_DAYS = 35;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Pattern MYSQL_DB_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Pattern POSTGRES_DB_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** Names RDS keeps for itself; "admin" and "postgres" are not among them. */
    private static final Set<String> RESERVED_USERS = Set.of("rdsadmin", "rdsrepladmin", "rdsproxyadmin", "rds_superuser",
            "rds_replication", "rds_password", "mysql.sys", "mysql.session", "mysql.infoschema", "mariadb.sys", "pg_signal_backend");
    private static final Set<String> RESERVED_DB_NAMES = Set.of("mysql", "sys", "information_schema", "performance_schema",
            "rdsadmin", "innodb", "template0", "template1");

    private InstanceRules() {
    }

    public static String masterUsername(Engine engine, String value) {
        if (value == null || value.isEmpty()) {
            throw RdsErrors.missing("MasterUsername");
        }
        if (value.length() > engine.mostUsernameLength() || !USERNAME.matcher(value).matches()) {
            throw RdsErrors.invalidValue("MasterUsername " + value + " is not valid: it must begin with a letter and hold 1 to "
                    + engine.mostUsernameLength() + " letters, digits or underscores.");
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (RESERVED_USERS.contains(lower) || (engine.isPostgres() && lower.startsWith("pg_"))) {
            throw RdsErrors.invalidValue("MasterUsername " + value + " cannot be used as it is a reserved word used by the engine");
        }
        return value;
    }

    public static String masterPassword(Engine engine, String value) {
        if (value == null || value.isEmpty()) {
            throw RdsErrors.missing("MasterUserPassword");
        }
        if (value.length() < FEWEST_PASSWORD_CHARACTERS) {
            throw RdsErrors.invalidValue("The parameter MasterUserPassword is not a valid password because it is shorter than "
                    + FEWEST_PASSWORD_CHARACTERS + " characters.");
        }
        if (value.length() > engine.mostPasswordLength()) {
            throw RdsErrors.invalidValue("The parameter MasterUserPassword is not a valid password because it is longer than "
                    + engine.mostPasswordLength() + " characters.");
        }
        for (char c : value.toCharArray()) {
            if (c < 0x21 || c > 0x7e || c == '/' || c == '"' || c == '@') {
                throw RdsErrors.invalidValue("The parameter MasterUserPassword is not a valid password. Only printable ASCII "
                        + "characters besides '/', '@', '\"', ' ' may be used.");
            }
        }
        return value;
    }

    /** @return the name, or null when none is given (no initial database) */
    public static String dbName(Engine engine, String value) {
        if (value == null) {
            return null;
        }
        Pattern shape = engine.isPostgres() ? POSTGRES_DB_NAME : MYSQL_DB_NAME;
        if (value.isEmpty() || value.length() > engine.mostDbNameLength() || !shape.matcher(value).matches()) {
            throw RdsErrors.invalidValue("DBName " + value + " is not valid: it must begin with a letter"
                    + (engine.isPostgres() ? " or an underscore" : "") + " and hold at most " + engine.mostDbNameLength()
                    + " letters, digits or underscores.");
        }
        if (RESERVED_DB_NAMES.contains(value.toLowerCase(Locale.ROOT))) {
            throw RdsErrors.invalidValue("DBName " + value + " cannot be used as it is a reserved word used by the engine");
        }
        return value;
    }

    public static int port(Engine engine, Integer value) {
        if (value == null) {
            return engine.defaultPort();
        }
        if (value < LOWEST_PORT || value > 65535) {
            throw RdsErrors.invalidValue("Invalid port " + value + ": it must be between " + LOWEST_PORT + " and 65535.");
        }
        return value;
    }

    public static int backupRetention(Integer value, int otherwise) {
        if (value == null) {
            return otherwise;
        }
        if (value < 0 || value > MOST_BACKUP_DAYS) {
            throw RdsErrors.invalidValue("Invalid backup retention period " + value + ": it must be between 0 and " + MOST_BACKUP_DAYS + ".");
        }
        return value;
    }
}
