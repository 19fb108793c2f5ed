package dev.pvw.engine.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pvw's SQL as Spark takes it: scripts split into statements (Spark runs one at a time), two portable spellings that
 * Spark's parser lacks rendered as Spark writes them, and the table a statement writes.
 */
final class SqlStatements {
    /** A hint to materialise a common table expression, which Spark has no syntax for (it plans CTEs itself). */
    private static final Pattern MATERIALIZED_CTE = Pattern.compile("\\bAS\\s+MATERIALIZED\\s*\\(");

    /** VARCHAR without a length, which Spark's parser refuses; its STRING is the same type. */
    private static final Pattern UNSIZED_VARCHAR = Pattern.compile("\\bVARCHAR\\b(?!\\s*\\()");

    /** A statement that writes one table, and the table, after any leading comments. */
    private static final Pattern WRITE = Pattern.compile(
            "^(INSERT\\s+INTO|DELETE\\s+FROM|MERGE\\s+INTO)\\s+([a-z_][a-z0-9_]*(?:\\.[a-z_][a-z0-9_]*)?)",
            Pattern.CASE_INSENSITIVE);

    /** A work table filled by a query, as sql/spark/work/create_filled.sql writes it: its name and the query. */
    private static final Pattern FILLED_WORK_TABLE = Pattern.compile(
            "^CREATE\\s+OR\\s+REPLACE\\s+TEMPORARY\\s+VIEW\\s+(pvw_[a-z0-9_]+)\\s+AS\\s+(.+)$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /** A work table, or any plain name in the session's namespace, dropped as sql/spark/work/drop_table.sql does. */
    private static final Pattern DROPPED_WORK_TABLE = Pattern.compile(
            "^DROP\\s+TABLE\\s+IF\\s+EXISTS\\s+([a-z_][a-z0-9_]*)(?:\\s+PURGE)?$", Pattern.CASE_INSENSITIVE);

    private SqlStatements() {}

    /** The work table a statement fills with a query's result, and the query; empty for any other statement. */
    static Optional<Filled> filled(String sql) {
        Matcher matcher = FILLED_WORK_TABLE.matcher(withoutLeadingComments(sql).strip());
        return matcher.matches() ? Optional.of(new Filled(matcher.group(1), matcher.group(2))) : Optional.empty();
    }

    /** The plain (unqualified) table a {@code DROP TABLE IF EXISTS} drops; empty for any other statement. */
    static Optional<String> droppedTable(String statement) {
        Matcher matcher =
                DROPPED_WORK_TABLE.matcher(withoutLeadingComments(statement).strip());
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /**
     * The statement with the two portable spellings Spark lacks rendered as Spark writes them ({@code AS MATERIALIZED (}
     * as {@code AS (}, an unsized {@code VARCHAR} as {@code STRING}), so that the portable files serve Spark unchanged
     * where those are their only difference.
     */
    static String rendered(String sql) {
        String plain = MATERIALIZED_CTE.matcher(sql).replaceAll("AS (");
        return UNSIZED_VARCHAR.matcher(plain).replaceAll("STRING");
    }

    /** The statements of a script, without comments; statements end with semicolons outside quotes. */
    static List<String> split(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int index = 0;
        while (index < script.length()) {
            char c = script.charAt(index);
            if (c == '-' && script.startsWith("--", index)) {
                int end = script.indexOf('\n', index);
                index = end < 0 ? script.length() : end;
                continue;
            }
            if (c == '\'' || c == '`' || c == '"') {
                int end = closingQuote(script, index);
                current.append(script, index, end);
                index = end;
                continue;
            }
            if (c == ';') {
                add(statements, current);
                current.setLength(0);
            } else {
                current.append(c);
            }
            index++;
        }
        add(statements, current);
        return statements;
    }

    /** The statement without its leading comments and blanks. */
    static String withoutLeadingComments(String sql) {
        String rest = sql.stripLeading();
        while (rest.startsWith("--")) {
            int end = rest.indexOf('\n');
            rest = end < 0 ? "" : rest.substring(end + 1).stripLeading();
        }
        return rest;
    }

    /** The table an INSERT, DELETE or MERGE writes, as written in it; empty for any other statement. */
    static Optional<Written> written(String sql) {
        Matcher matcher = WRITE.matcher(withoutLeadingComments(sql));
        if (!matcher.find()) {
            return Optional.empty();
        }
        String verb = matcher.group(1).toUpperCase(Locale.ROOT);
        Written.Kind kind = verb.startsWith("INSERT")
                ? Written.Kind.INSERT
                : verb.startsWith("DELETE") ? Written.Kind.DELETE : Written.Kind.MERGE;
        return Optional.of(new Written(kind, matcher.group(2)));
    }

    private static int closingQuote(String script, int open) {
        char quote = script.charAt(open);
        int index = open + 1;
        while (index < script.length()) {
            if (script.charAt(index) == quote) {
                // A doubled quote stands for one inside the quoted text.
                if (index + 1 < script.length() && script.charAt(index + 1) == quote) {
                    index += 2;
                    continue;
                }
                return index + 1;
            }
            index++;
        }
        return script.length();
    }

    private static void add(List<String> statements, StringBuilder statement) {
        String text = statement.toString().strip();
        if (!text.isEmpty()) {
            statements.add(text);
        }
    }

    /** A work table filled by a query: its name and the query, which may have leading comments of its own. */
    record Filled(String table, String query) {}

    /** A table a statement writes, and how. */
    record Written(Kind kind, String table) {
        enum Kind {
            INSERT,
            DELETE,
            MERGE
        }
    }
}
