package io.kumo.rds.runtime.engine;

import java.util.Locale;

/**
 * The database servers Kumo runs, with the real version each one is. The engine names of the RDS
 * API map onto them: mysql and mariadb are answered by MariaDB, postgres by PostgreSQL.
 */
public enum Engine {
    MARIADB("MariaDB", "11.4.5", 3306),
    POSTGRES("PostgreSQL", "17.6", 5432);

    private final String product;
    private final String serverVersion;
    private final int defaultPort;

    Engine(String product, String serverVersion, int defaultPort) {
        this.product = product;
        this.serverVersion = serverVersion;
        this.defaultPort = defaultPort;
    }

    /** The server that answers for an RDS engine name (mysql, mariadb, postgres, and their aurora- forms). */
    public static Engine forEngineName(String engineName) {
        String name = engineName.toLowerCase(Locale.ROOT);
        if (name.equals("mysql") || name.equals("mariadb") || name.equals("aurora-mysql")) {
            return MARIADB;
        }
        if (name.equals("postgres") || name.equals("aurora-postgresql")) {
            return POSTGRES;
        }
        throw new EngineException("no database server answers for engine '" + engineName + "'");
    }

    public String product() {
        return product;
    }

    /** The version the server reports, e.g. "11.4.5" (MariaDB reports "11.4.5-MariaDB"). */
    public String serverVersion() {
        return serverVersion;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** For docs and logs: "MariaDB 11.4.5". */
    public String describe() {
        return product + " " + serverVersion;
    }

    /** The directory name under the engines directory: the binaries of one version never mix with another's. */
    String directoryName() {
        return name().toLowerCase(Locale.ROOT) + "-" + serverVersion;
    }
}
