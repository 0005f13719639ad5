package io.kumo.rds.runtime.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Kumo's administration of one server over JDBC, as its own administrative account: the master
 * user, passwords, parameters, liveness. Each call opens and closes its own connection.
 */
public final class ServerAdmin {
    private final ServerSpec spec;

    ServerAdmin(ServerSpec spec) {
        this.spec = spec;
    }

    /** True when the server answers a query as Kumo's account; an {@link EngineException} says why not (bounded by short timeouts). */
    public boolean ping() {
        try (Connection c = Jdbc.admin(spec, 5)) {
            return "1".equals(Sql.one(c, "SELECT 1"));
        } catch (SQLException e) {
            throw new EngineException("ping failed: " + e.getMessage(), e);
        }
    }

    /** Like {@link #ping} but false instead of an exception. */
    public boolean isHealthy() {
        try {
            return ping();
        } catch (EngineException e) {
            return false;
        }
    }

    /** The version string the server reports, e.g. "11.4.5-MariaDB" or "PostgreSQL 17.6 on ...". */
    public String version() {
        return query("SELECT version()");
    }

    /**
     * Replaces the administrative password the data directory came with (the template's, or a
     * snapshot's) by a new one of its own. On MariaDB this is kept out of the binlog: every
     * server keeps its own, and replicas never replay it.
     */
    public void rotateAdminPassword() {
        String secret = ServerHome.newSecret();
        try (Connection c = Jdbc.admin(spec)) {
            switch (spec.engine()) {
                case MARIADB -> Sql.exec(c, "SET SESSION sql_log_bin = 0",
                        "ALTER USER '" + ServerHome.ADMIN_USER + "'@'%' IDENTIFIED BY " + Sql.mariaDbString(secret));
                case POSTGRES -> Sql.exec(c, "ALTER ROLE " + ServerHome.ADMIN_USER + " PASSWORD " + Sql.postgresString(secret));
            }
            spec.layout().storeAdminPassword(secret);
        } catch (SQLException e) {
            throw new EngineException("cannot change the administrative password of " + spec.home() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Creates the master user as RDS has it, and the initial database. MariaDB: 'USER'@'%' with
     * ALL PRIVILEGES WITH GRANT OPTION. PostgreSQL: a role with LOGIN CREATEDB CREATEROLE owning
     * the initial database.
     */
    public void createMaster(MasterAccount master) {
        try (Connection c = Jdbc.admin(spec)) {
            switch (spec.engine()) {
                case MARIADB -> {
                    String user = Sql.mariaDbString(master.user()) + "@'%'";
                    Sql.exec(c, "CREATE USER " + user + " IDENTIFIED BY " + Sql.mariaDbString(master.password()),
                            "GRANT ALL PRIVILEGES ON *.* TO " + user + " WITH GRANT OPTION");
                    if (master.initialDatabase() != null) {
                        Sql.exec(c, "CREATE DATABASE IF NOT EXISTS " + Sql.mariaDbIdentifier(master.initialDatabase()));
                    }
                }
                case POSTGRES -> {
                    String role = Sql.postgresIdentifier(master.user());
                    Sql.exec(c, "CREATE ROLE " + role + " LOGIN CREATEDB CREATEROLE PASSWORD " + Sql.postgresString(master.password()));
                    if (master.initialDatabase() != null) {
                        Sql.exec(c, "CREATE DATABASE " + Sql.postgresIdentifier(master.initialDatabase()) + " OWNER " + role);
                    }
                }
            }
        } catch (SQLException e) {
            throw new EngineException("cannot create the master user " + master.user() + ": " + e.getMessage(), e);
        }
    }

    /** Sets a user's password (the master user's, on ModifyDBInstance). */
    public void setPassword(String user, String password) {
        try (Connection c = Jdbc.admin(spec)) {
            switch (spec.engine()) {
                case MARIADB -> Sql.exec(c, "ALTER USER " + Sql.mariaDbString(user) + "@'%' IDENTIFIED BY " + Sql.mariaDbString(password));
                case POSTGRES -> Sql.exec(c, "ALTER ROLE " + Sql.postgresIdentifier(user) + " PASSWORD " + Sql.postgresString(password));
            }
        } catch (SQLException e) {
            throw new EngineException("cannot set the password of " + user + ": " + e.getMessage(), e);
        }
    }

    /**
     * Applies parameters now where the server allows it (SET GLOBAL; ALTER SYSTEM and a reload),
     * and reports the static ones, which the next start with these values as startup parameters
     * applies.
     */
    public ParameterChanges applyParameters(Map<String, String> values) {
        List<String> applied = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        try (Connection c = Jdbc.admin(spec)) {
            for (var e : values.entrySet()) {
                String name = Sql.checkedName(e.getKey()).toLowerCase(Locale.ROOT);
                switch (spec.engine() == Engine.MARIADB ? mariaDbKind(c, name) : postgresKind(c, name)) {
                    case "unknown" -> unknown.add(name);
                    case "static" -> pending.add(name);
                    default -> {
                        if (spec.engine() == Engine.MARIADB) {
                            Sql.exec(c, "SET GLOBAL " + name + " = " + mariaDbValue(c, name, e.getValue()));
                        } else {
                            Sql.exec(c, "ALTER SYSTEM SET " + name + " = " + Sql.postgresString(e.getValue()));
                        }
                        applied.add(name);
                    }
                }
            }
            if (spec.engine() == Engine.POSTGRES && !applied.isEmpty()) {
                Sql.exec(c, "SELECT pg_reload_conf()");
            }
        } catch (SQLException e) {
            throw new EngineException("cannot apply parameters " + values.keySet() + ": " + e.getMessage(), e);
        }
        return new ParameterChanges(applied, pending, unknown);
    }

    /**
     * Puts parameters a group no longer sets back, now where the server allows it, to what a start
     * without them would give: Kumo's own default for the engine, else the server's built-in one.
     * Static ones are left to the next start, which no longer passes them.
     */
    public void resetParameters(Collection<String> names) {
        try (Connection c = Jdbc.admin(spec)) {
            boolean reload = false;
            for (String n : names) {
                String name = Sql.checkedName(n).toLowerCase(Locale.ROOT);
                if (spec.engine() == Engine.MARIADB) {
                    if ("dynamic".equals(mariaDbKind(c, name))) {
                        String kumoDefault = MariaDbOptions.DEFAULTS.get(name);
                        Sql.exec(c, "SET GLOBAL " + name + " = " + (kumoDefault == null ? "DEFAULT" : mariaDbValue(c, name, kumoDefault)));
                    }
                } else if ("dynamic".equals(postgresKind(c, name))) {
                    String kumoDefault = PostgresOptions.DEFAULTS.get(name);
                    String value = kumoDefault != null ? kumoDefault : Sql.one(c, "SELECT boot_val FROM pg_settings WHERE name = '" + name + "'");
                    Sql.exec(c, "ALTER SYSTEM SET " + name + " = " + Sql.postgresString(value == null ? "" : value));
                    reload = true;
                }
            }
            if (reload) {
                Sql.exec(c, "SELECT pg_reload_conf()");
            }
        } catch (SQLException e) {
            throw new EngineException("cannot reset parameters " + names + ": " + e.getMessage(), e);
        }
    }

    /** The value the server runs with now (SHOW for PostgreSQL, @@GLOBAL for MariaDB). */
    public String parameter(String name) {
        String checked = Sql.checkedName(name);
        return query(spec.engine() == Engine.MARIADB ? "SELECT @@GLOBAL." + checked : "SHOW " + checked);
    }

    private String query(String sql) {
        try (Connection c = Jdbc.admin(spec)) {
            return Sql.one(c, sql);
        } catch (SQLException e) {
            throw new EngineException(sql + " failed: " + e.getMessage(), e);
        }
    }

    private static String mariaDbKind(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT READ_ONLY FROM information_schema.SYSTEM_VARIABLES WHERE VARIABLE_NAME = ?")) {
            ps.setString(1, name.toUpperCase(Locale.ROOT));
            try (ResultSet rs = ps.executeQuery()) {
                return !rs.next() ? "unknown" : "YES".equals(rs.getString(1)) ? "static" : "dynamic";
            }
        }
    }

    /** Numbers (with K/M/G suffixes, which SET does not take) go bare; everything else as a string. */
    private static String mariaDbValue(Connection c, String name, String value) throws SQLException {
        String type;
        try (PreparedStatement ps = c.prepareStatement("SELECT VARIABLE_TYPE FROM information_schema.SYSTEM_VARIABLES WHERE VARIABLE_NAME = ?")) {
            ps.setString(1, name.toUpperCase(Locale.ROOT));
            try (ResultSet rs = ps.executeQuery()) {
                type = rs.next() ? rs.getString(1) : "";
            }
        }
        boolean numeric = type.contains("INT") || type.contains("DOUBLE");
        String v = value.strip();
        if (numeric && v.matches("\\d+[KkMmGg]?")) {
            long multiplier = switch (Character.toUpperCase(v.charAt(v.length() - 1))) {
                case 'K' -> 1024L;
                case 'M' -> 1024L * 1024;
                case 'G' -> 1024L * 1024 * 1024;
                default -> 1L;
            };
            String digits = multiplier == 1 ? v : v.substring(0, v.length() - 1);
            return String.valueOf(Long.parseLong(digits) * multiplier);
        }
        if (numeric && v.matches("\\d+\\.\\d+")) {
            return v;
        }
        return Sql.mariaDbString(v);
    }

    private static String postgresKind(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT context FROM pg_settings WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || "internal".equals(rs.getString(1))) {
                    return "unknown";
                }
                return "postmaster".equals(rs.getString(1)) ? "static" : "dynamic";
            }
        }
    }
}
