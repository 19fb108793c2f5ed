package dev.pvw.docs;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pvw.docs.MarkdownSqlBlocks.SqlBlock;
import dev.pvw.pipeline.Pipeline;
import dev.pvw.testing.CliResult;
import dev.pvw.testing.TestingDemo;
import dev.pvw.testing.TestingEngine;
import dev.pvw.testing.TestingWarehouse;
import dev.pvw.warehouse.OpenOptions;
import dev.pvw.warehouse.SchemaMigrator;
import dev.pvw.warehouse.Warehouse;
import dev.pvw.warehouse.WarehouseUrl;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every SQL example of the README and of {@code docs/}, run against the demo warehouse on one engine, so that the docs
 * cannot drift from the schema: a block whose first line names a {@code pvw query} command must give exactly the rows
 * that command prints, any other query must return rows, and setup blocks must run as the server's superuser.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractDocsSqlIT {
    /** The demo's data ends here, so the docs' examples with dates (January 2026) find rows. */
    private static final LocalDate DEMO_CLOSING_DAY = LocalDate.parse("2026-01-10");

    /** The database the docs' setup examples name; the test's own database stands in for it. */
    private static final String DATABASE_IN_EXAMPLES = "ON DATABASE warehouse ";

    private static final Pattern CREATE_ROLE = Pattern.compile("CREATE ROLE (\\w+)");

    private static final DateTimeFormatter PRINTED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final TestingEngine engine;

    private TestingWarehouse demo;

    private final List<String> createdRoles = new ArrayList<>();

    AbstractDocsSqlIT(TestingEngine engine) {
        this.engine = requireNonNull(engine, "engine");
    }

    @BeforeAll
    void buildTheDemoWarehouse(@TempDir Path directory) {
        assertThat(TestingDemo.SETTINGS.closingDay()).isEqualTo(DEMO_CLOSING_DAY);
        if (engine == TestingEngine.DUCKDB) {
            // What pvw demo built, once per test JVM.
            demo = TestingDemo.run().copyInto(directory);
            return;
        }
        // The generator is DuckDB SQL: on another engine, the demo's recorded extracts are replayed run by run.
        demo = new TestingWarehouse(engine, directory);
        try (Warehouse warehouse =
                Warehouse.open(WarehouseUrl.parse(demo.url()), OpenOptions.forWriting(Duration.ofSeconds(10)))) {
            new SchemaMigrator(warehouse, TestingWarehouse.FIXED_CLOCK).migrate();
            Pipeline pipeline = new Pipeline(warehouse, TestingWarehouse.FIXED_CLOCK, Duration.ofSeconds(10));
            TestingDemo.extracts().replay(TestingDemo.SETTINGS, demo, asOf -> pipeline.run(asOf, false));
        }
    }

    @TestFactory
    Stream<DynamicTest> everySqlExampleOfTheDocsRunsOnTheDemoWarehouse() {
        // The tests run in the repository's root (see pvw-tests/pom.xml).
        Path root = Path.of("").toAbsolutePath();
        List<SqlBlock> blocks = MarkdownSqlBlocks.documentation(root).stream()
                .flatMap(file -> MarkdownSqlBlocks.in(file).stream())
                .filter(block -> block.runsOn(engine.name()))
                .toList();
        assertThat(blocks).as("SQL examples in the docs for %s", engine.name()).isNotEmpty();
        return blocks.stream().map(block -> DynamicTest.dynamicTest(block.toString(), () -> check(block)));
    }

    private void check(SqlBlock block) {
        if (block.isSetup()) {
            String database = demo.query("SELECT current_database()", rs -> rs.getString(1))
                    .get(0);
            for (String statement : block.statements()) {
                demo.execute(statement.replace(DATABASE_IN_EXAMPLES, "ON DATABASE " + database + " "));
                Matcher role = CREATE_ROLE.matcher(statement);
                if (role.find()) {
                    createdRoles.add(role.group(1));
                }
            }
            return;
        }
        assertThat(block.statements()).as("%s holds one query", block).hasSize(1);
        List<List<String>> rows = demo.query(block.statements().get(0), AbstractDocsSqlIT::printed);
        assertThat(rows)
                .as("rows of the query at %s on the demo warehouse", block)
                .isNotEmpty();
        block.equivalentQuery().ifPresent(command -> {
            List<String> arguments = new ArrayList<>(command);
            arguments.addAll(List.of("--format", "csv"));
            CliResult result = demo.pvw(arguments.toArray(String[]::new));
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(rows)
                    .as("the query at %s gives what pvw %s prints", block, String.join(" ", command))
                    .isEqualTo(csvRows(result.out()));
        });
    }

    /** Drops the roles the setup examples created: roles belong to the whole server, which other tests share. */
    @AfterAll
    void dropTheRolesOfTheExamples() {
        if (!createdRoles.isEmpty()) {
            String roles = String.join(", ", createdRoles);
            demo.execute("DROP OWNED BY " + roles, "DROP ROLE " + roles);
        }
    }

    /** One row as pvw prints it: timestamps in the input form, NULL as an empty field. */
    private static List<String> printed(ResultSet rs) throws SQLException {
        List<String> values = new ArrayList<>();
        for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
            Object value = rs.getObject(column);
            if (value == null) {
                values.add("");
            } else if (value instanceof java.sql.Timestamp || value instanceof LocalDateTime) {
                values.add(PRINTED.format(rs.getObject(column, LocalDateTime.class)));
            } else {
                values.add(value.toString());
            }
        }
        return values;
    }

    private static List<List<String>> csvRows(String csv) {
        try {
            return CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(new StringReader(csv))
                    .getRecords()
                    .stream()
                    .map(CSVRecord::toList)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
