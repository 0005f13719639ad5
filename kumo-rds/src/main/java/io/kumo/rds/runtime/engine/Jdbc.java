package io.kumo.rds.runtime.engine;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * JDBC connections to a server, over TCP to its bind address, from inside its network namespace
 * when it has one. Every connection has bounded connect and read timeouts.
 */
public final class Jdbc {
    private Jdbc() {
    }

    /** A connection as any user, to {@code database} (null: none for MariaDB, "postgres" for PostgreSQL). */
    public static Connection connect(ServerSpec spec, String user, String password, String database) throws SQLException {
        return connect(spec, user, password, database, 30);
    }

    static Connection connect(ServerSpec spec, String user, String password, String database, int readTimeoutSeconds) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        String host = spec.connectAddress().contains(":") ? "[" + spec.connectAddress() + "]" : spec.connectAddress();
        return switch (spec.engine()) {
            case MARIADB -> {
                props.setProperty("connectTimeout", "2000");
                props.setProperty("socketTimeout", String.valueOf(readTimeoutSeconds * 1000));
                if (spec.namespace() != null) {
                    props.setProperty("socketFactory", NamespaceSocketFactory.class.getName());
                    props.setProperty(NamespaceSocketFactory.OPTION, spec.namespace());
                }
                String db = database == null ? "" : URLEncoder.encode(database, StandardCharsets.UTF_8);
                yield DriverManager.getConnection("jdbc:mariadb://" + host + ":" + spec.port() + "/" + db, props);
            }
            case POSTGRES -> {
                props.setProperty("connectTimeout", "2");
                props.setProperty("socketTimeout", String.valueOf(readTimeoutSeconds));
                props.setProperty("sslmode", "disable");
                if (spec.namespace() != null) {
                    props.setProperty("socketFactory", NamespaceSocketFactory.class.getName());
                    props.setProperty("socketFactoryArg", spec.namespace());
                }
                String db = database == null ? "postgres" : database;
                yield DriverManager.getConnection("jdbc:postgresql://" + host + ":" + spec.port() + "/" + URLEncoder.encode(db, StandardCharsets.UTF_8), props);
            }
        };
    }

    /** Kumo's own administrative connection, with the password the data directory carries. */
    static Connection admin(ServerSpec spec) throws SQLException {
        return connect(spec, ServerHome.ADMIN_USER, spec.layout().adminPassword(), null);
    }

    static Connection admin(ServerSpec spec, int readTimeoutSeconds) throws SQLException {
        return connect(spec, ServerHome.ADMIN_USER, spec.layout().adminPassword(), null, readTimeoutSeconds);
    }
}
