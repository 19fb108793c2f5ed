package dev.pvw.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pvw.docs.MarkdownSqlBlocks.SqlBlock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Finding the SQL examples of the docs, so that DocsSqlIT runs every one of them. */
class MarkdownSqlBlocksTest {
    private static final List<String> PAGE = List.of(
            "# Title",
            "```sql",
            "-- pvw query current --grain day",
            "SELECT 1;",
            "```",
            "text",
            "```bash",
            "./pvw demo",
            "```",
            "````sql postgresql setup",
            "CREATE ROLE a;",
            "-- a comment",
            "GRANT b TO a;",
            "````",
            "```sql duckdb",
            "SELECT 2",
            "```");

    @Test
    void findsOnlySqlBlocksWithTheirLineAndTags() {
        List<SqlBlock> blocks = MarkdownSqlBlocks.parse("page.md", PAGE);

        assertThat(blocks).extracting(SqlBlock::line).containsExactly(3, 11, 16);
        assertThat(blocks)
                .extracting(SqlBlock::tags)
                .containsExactly(List.of(), List.of("postgresql", "setup"), List.of("duckdb"));
    }

    @Test
    void anUntaggedBlockRunsOnEveryEngineATaggedOneOnlyOnItsOwn() {
        List<SqlBlock> blocks = MarkdownSqlBlocks.parse("page.md", PAGE);

        assertThat(blocks.get(0).runsOn("duckdb")).isTrue();
        assertThat(blocks.get(0).runsOn("postgresql")).isTrue();
        assertThat(blocks.get(1).runsOn("duckdb")).isFalse();
        assertThat(blocks.get(1).isSetup()).isTrue();
        assertThat(blocks.get(2).runsOn("postgresql")).isFalse();
    }

    @Test
    void aFirstLineNamingAPvwQueryIsTheCommandToCompareWith() {
        List<SqlBlock> blocks = MarkdownSqlBlocks.parse("page.md", PAGE);

        assertThat(blocks.get(0).equivalentQuery()).contains(List.of("query", "current", "--grain", "day"));
        assertThat(blocks.get(2).equivalentQuery()).isEmpty();
    }

    @Test
    void statementsAreSplitAtLineEndingSemicolonsAndCommentsAloneDropped() {
        List<SqlBlock> blocks = MarkdownSqlBlocks.parse("page.md", PAGE);

        assertThat(blocks.get(1).statements()).containsExactly("CREATE ROLE a", "-- a comment\nGRANT b TO a");
        assertThat(blocks.get(2).statements()).containsExactly("SELECT 2");
    }

    @Test
    void anUnknownTagIsAMistakeInTheDocs() {
        assertThatThrownBy(() -> MarkdownSqlBlocks.parse("page.md", List.of("```sql mysql", "SELECT 1", "```")))
                .hasMessageContaining("page.md line 2")
                .hasMessageContaining("mysql");
    }
}
