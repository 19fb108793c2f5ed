package dev.pvw.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * The few JDBC calls {@link TestingWarehouse} makes, answered by a Spark session on a local Iceberg warehouse, so that
 * the shared suites land extracts and read tables on Spark as they do on the JDBC engines: statements and queries run
 * as Spark SQL, and a batch of {@code INSERT INTO t (columns) VALUES (?, ...)} is appended to t as one Iceberg commit,
 * as an extract process would load it. Any other JDBC call fails, naming the method.
 */
final class SparkJdbc {
    private static final Pattern INSERT_VALUES = Pattern.compile(
            "INSERT INTO ([a-z_]+\\.[a-z_]+) \\(([a-z_, ]+)\\) VALUES \\([?, ]+\\)", Pattern.CASE_INSENSITIVE);

    private SparkJdbc() {}

    static Connection connection(SparkSession session) {
        return proxy(Connection.class, (proxy, method, args) -> switch (method.getName()) {
            case "createStatement" -> statement(session);
            case "prepareStatement" -> preparedInsert(session, (String) args[0]);
            case "close", "setAutoCommit", "commit", "rollback" -> null;
            case "getAutoCommit" -> true;
            case "isClosed" -> false;
            default -> unsupported(method.getName());
        });
    }

    private static Statement statement(SparkSession session) {
        return proxy(Statement.class, (proxy, method, args) -> switch (method.getName()) {
            case "execute" -> {
                collect(session, (String) args[0]);
                yield false;
            }
            case "executeUpdate" -> {
                collect(session, (String) args[0]);
                yield 0;
            }
            case "executeQuery" -> {
                Dataset<Row> query = query(session, (String) args[0]);
                yield resultSet(query.schema(), collect(query));
            }
            case "close" -> null;
            default -> unsupported(method.getName());
        });
    }

    private static PreparedStatement preparedInsert(SparkSession session, String sql) {
        Matcher insert = INSERT_VALUES.matcher(sql.strip());
        if (!insert.matches()) {
            throw new UnsupportedOperationException("Only INSERT INTO t (columns) VALUES (?, ...) on Spark: " + sql);
        }
        String table = insert.group(1);
        String[] columns = insert.group(2).split("\\s*,\\s*");
        Object[] values = new Object[columns.length];
        List<Row> batch = new ArrayList<>();
        return proxy(PreparedStatement.class, (proxy, method, args) -> switch (method.getName()) {
            case "setLong", "setString", "setInt" -> {
                values[(int) args[0] - 1] = args[1];
                yield null;
            }
            case "setNull" -> {
                values[(int) args[0] - 1] = null;
                yield null;
            }
            case "setTimestamp" -> {
                values[(int) args[0] - 1] = ((Timestamp) args[1]).toLocalDateTime();
                yield null;
            }
            case "addBatch" -> {
                batch.add(RowFactory.create(values.clone()));
                yield null;
            }
            case "executeBatch" -> {
                append(session, table, columns, batch);
                int[] counts = new int[batch.size()];
                Arrays.fill(counts, 1);
                batch.clear();
                yield counts;
            }
            case "close" -> null;
            default -> unsupported(method.getName());
        });
    }

    private static void append(SparkSession session, String table, String[] columns, List<Row> rows) throws Exception {
        if (rows.isEmpty()) {
            return;
        }
        StructType schema = session.table(table).selectExpr(columns).schema();
        session.createDataFrame(rows, schema).writeTo(table).append();
    }

    private static List<Row> collect(SparkSession session, String sql) throws SQLException {
        return collect(query(session, sql));
    }

    private static Dataset<Row> query(SparkSession session, String sql) throws SQLException {
        try {
            return session.sql(sql);
        } catch (Exception e) {
            throw new SQLException(e.getMessage(), e);
        }
    }

    private static List<Row> collect(Dataset<Row> query) throws SQLException {
        try {
            return query.collectAsList();
        } catch (Exception e) {
            throw new SQLException(e.getMessage(), e);
        }
    }

    /** The columns of a result, as far as the tests ask: how many, and their names. */
    private static ResultSetMetaData metaData(StructType schema) {
        return proxy(ResultSetMetaData.class, (proxy, method, args) -> switch (method.getName()) {
            case "getColumnCount" -> schema.size();
            case "getColumnName", "getColumnLabel" -> schema.fields()[(int) args[0] - 1].name();
            default -> unsupported(method.getName());
        });
    }

    private static ResultSet resultSet(StructType schema, List<Row> rows) {
        int[] position = {-1};
        boolean[] wasNull = {false};
        return proxy(ResultSet.class, (proxy, method, args) -> {
            switch (method.getName()) {
                case "next":
                    position[0]++;
                    return position[0] < rows.size();
                case "close":
                    return null;
                case "wasNull":
                    return wasNull[0];
                case "getMetaData":
                    return metaData(schema);
                default:
                    break;
            }
            if (args == null || args.length == 0 || !method.getName().startsWith("get")) {
                return unsupported(method.getName());
            }
            Row row = rows.get(position[0]);
            int index = args[0] instanceof String name ? row.fieldIndex(name) : (int) args[0] - 1;
            Object value = row.get(index);
            wasNull[0] = value == null;
            return convert(value, method.getReturnType(), args.length > 1 ? (Class<?>) args[1] : null);
        });
    }

    /** A value as the JDBC getter asked for it: a number, text, a boolean, or a timestamp without zone. */
    private static Object convert(Object value, Class<?> returned, Class<?> asked) {
        Class<?> type = asked != null ? asked : returned;
        if (value instanceof Instant instant) {
            value = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        }
        if (type == long.class || type == Long.class) {
            return value == null ? (type == long.class ? 0L : null) : ((Number) value).longValue();
        }
        if (type == int.class || type == Integer.class) {
            return value == null ? (type == int.class ? 0 : null) : ((Number) value).intValue();
        }
        if (type == boolean.class) {
            return value != null && (Boolean) value;
        }
        if (type == String.class) {
            return value == null ? null : value.toString();
        }
        if (type == Timestamp.class) {
            return value == null ? null : Timestamp.valueOf((LocalDateTime) value);
        }
        return value;
    }

    private static Object unsupported(String method) {
        throw new UnsupportedOperationException("SparkJdbc does not answer " + method);
    }

    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(SparkJdbc.class.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
