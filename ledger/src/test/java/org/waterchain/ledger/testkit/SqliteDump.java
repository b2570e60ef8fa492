package org.waterchain.ledger.testkit;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** An ordered, textual dump of SQLite tables through plain JDBC, to compare databases row by row. */
public final class SqliteDump {
    /** Tables derived by applying blocks: what a refused entry must leave unchanged. */
    public static final List<String> DERIVED = List.of("records", "outputs", "address_history", "registry",
            "device_sequences", "pollution_steps");

    private SqliteDump() {}

    public static Connection connect(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    /** Every table of the file, by name, each ordered by all its columns. */
    public static String all(Path file) {
        try (Connection c = connect(file)) {
            List<String> tables = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            return tables(c, tables);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot dump " + file + ": " + e.getMessage(), e);
        }
    }

    public static String tables(Path file, List<String> tables) {
        try (Connection c = connect(file)) {
            return tables(c, tables);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot dump " + file + ": " + e.getMessage(), e);
        }
    }

    private static String tables(Connection c, List<String> tables) throws SQLException {
        StringBuilder sb = new StringBuilder();
        for (String t : tables) {
            List<String> cols = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA table_info(" + t + ")")) {
                while (rs.next()) {
                    cols.add(rs.getString("name"));
                }
            }
            sb.append("== ").append(t).append(' ').append(cols).append('\n');
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT * FROM " + t + " ORDER BY " + String.join(", ", cols))) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        Object v = rs.getObject(i);
                        sb.append(i > 1 ? " | " : "").append(v instanceof byte[] b ? "x'" + HexFormat.of().formatHex(b) + "'"
                                : String.valueOf(v));
                    }
                    sb.append('\n');
                }
            }
        }
        return sb.toString();
    }
}
