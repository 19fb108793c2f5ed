package dev.pvw.docs;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@code ```sql} blocks of markdown files, with what their info string says of them: {@code ```sql} runs on every
 * engine, {@code ```sql duckdb} or {@code ```sql postgresql} on that one, and {@code setup} marks statements that
 * administer the server rather than query the warehouse.
 */
final class MarkdownSqlBlocks {
    private static final Pattern FENCE = Pattern.compile("^\\s*(`{3,})(.*)$");
    private static final Pattern QUERY_COMMAND = Pattern.compile("^--\\s*(pvw query .*)$");
    private static final Set<String> ENGINES = Set.of("duckdb", "postgresql");

    private MarkdownSqlBlocks() {}

    /** The README and every markdown file of {@code docs/} under the project's root. */
    static List<Path> documentation(Path root) {
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            return Stream.concat(
                            Stream.of(root.resolve("README.md")),
                            docs.filter(path -> path.toString().endsWith(".md")).sorted())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the docs under " + root, e);
        }
    }

    static List<SqlBlock> in(Path file) {
        try {
            return parse(file.getFileName().toString(), Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    static List<SqlBlock> parse(String source, List<String> lines) {
        List<SqlBlock> blocks = new ArrayList<>();
        int index = 0;
        while (index < lines.size()) {
            Matcher open = FENCE.matcher(lines.get(index));
            if (!open.matches()) {
                index++;
                continue;
            }
            String fence = open.group(1);
            List<String> info = Arrays.stream(open.group(2).strip().split("\\s+"))
                    .filter(word -> !word.isEmpty())
                    .toList();
            int firstLine = index + 2;
            index++;
            StringBuilder body = new StringBuilder();
            while (index < lines.size() && !lines.get(index).strip().startsWith(fence)) {
                body.append(lines.get(index)).append('\n');
                index++;
            }
            index++;
            if (!info.isEmpty() && info.get(0).equals("sql")) {
                blocks.add(new SqlBlock(source, firstLine, info.subList(1, info.size()), body.toString()));
            }
        }
        return List.copyOf(blocks);
    }

    /** One block: its file, the line of its first statement, the words after {@code sql} in its fence, its text. */
    record SqlBlock(String source, int line, List<String> tags, String sql) {
        SqlBlock {
            requireNonNull(source, "source");
            tags = List.copyOf(tags);
            requireNonNull(sql, "sql");
            for (String tag : tags) {
                if (!ENGINES.contains(tag) && !tag.equals("setup")) {
                    throw new IllegalArgumentException(
                            source + " line " + line + ": unknown tag '" + tag + "' after ```sql");
                }
            }
        }

        boolean runsOn(String engine) {
            List<String> engines = tags.stream().filter(ENGINES::contains).toList();
            return engines.isEmpty() || engines.contains(engine);
        }

        boolean isSetup() {
            return tags.contains("setup");
        }

        /** The {@code pvw query} command the block's first line says it equals, without "pvw". */
        Optional<List<String>> equivalentQuery() {
            Matcher matcher =
                    QUERY_COMMAND.matcher(sql.lines().findFirst().orElse("").strip());
            if (!matcher.matches()) {
                return Optional.empty();
            }
            List<String> words = List.of(matcher.group(1).split("\\s+"));
            return Optional.of(words.subList(1, words.size()));
        }

        /** The statements, split at semicolons that end a line; the docs put no semicolon inside a literal. */
        List<String> statements() {
            return Arrays.stream(sql.split(";\\s*(\\n|$)"))
                    .map(String::strip)
                    .filter(statement -> !statement
                            .lines()
                            .allMatch(line -> line.isBlank() || line.strip().startsWith("--")))
                    .toList();
        }

        @Override
        public String toString() {
            return source + " line " + line;
        }
    }
}
