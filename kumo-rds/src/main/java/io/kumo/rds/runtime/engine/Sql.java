package io.kumo.rds.runtime.engine;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small JDBC helpers, and quoting for the statements that take no bind parameters (DDL). */
final class Sql {
    private Sql() {
    }

    static void exec(Connection c, String... statements) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    static String one(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** The first row as column name → value (null when there is no row). */
    static Map<String, String> row(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                return null;
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                row.put(rs.getMetaData().getColumnLabel(i), rs.getString(i));
            }
            return row;
        }
    }

    /** A string literal for MariaDB (backslash escapes are on by default there). */
    static String mariaDbString(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    /** A string literal for PostgreSQL (standard_conforming_strings is on). */
    static String postgresString(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    static String postgresIdentifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    static String mariaDbIdentifier(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    static String checkedName(String name) {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_.]{0,127}")) {
            throw new EngineException("not a parameter name: " + name);
        }
        return name;
    }
}
