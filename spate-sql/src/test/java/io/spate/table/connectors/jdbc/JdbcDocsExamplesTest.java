package io.spate.table.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.datastream.CloseableIterator;
import io.spate.api.types.Row;
import io.spate.connectors.jdbc.testing.PostgresTestDatabase;
import io.spate.table.api.EnvironmentSettings;
import io.spate.table.api.TableEnvironment;
import io.spate.table.api.TableResult;
import io.spate.table.parse.ParsedStatement;
import io.spate.table.parse.SqlStatementParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the examples of the docs that need a database: in docs/sql/connectors.md and then
 * docs/sql/joins.md, blocks fenced {@code ```sql postgresql} run in the test PostgreSQL and blocks
 * fenced {@code ```sql jdbc} in a Spate session per page, with the pages' URL replaced by the test
 * database's; a {@code ```text} block after one must be what its last statement prints.
 */
class JdbcDocsExamplesTest {

  private static final String DOCS_URL = "jdbc:postgresql://localhost:5432/shop";
  private static PostgresTestDatabase db;

  @BeforeAll
  static void start() {
    db = PostgresTestDatabase.start();
    db.execute("CREATE ROLE shop LOGIN SUPERUSER PASSWORD 'secret'");
  }

  @AfterAll
  static void stop() throws Exception {
    db.close();
  }

  /** A fenced code block: its info string, its first line in the page, its text. */
  record Block(String info, int line, String code) {}

  static List<Block> blocks(String markdown) {
    List<Block> blocks = new ArrayList<>();
    String[] lines = markdown.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith("```") && lines[i].length() > 3) {
        String info = lines[i].substring(3).trim();
        StringBuilder code = new StringBuilder();
        int start = i + 1;
        for (i = i + 1; i < lines.length && !lines[i].startsWith("```"); i++) {
          code.append(lines[i]).append('\n');
        }
        blocks.add(new Block(info, start, code.toString()));
      }
    }
    return blocks;
  }

  @Test
  void theJdbcExamplesOfTheSqlPagesRun() throws Exception {
    int run = 0;
    for (String page : List.of("connectors.md", "joins.md")) {
      run += runPage(Path.of("..", "docs", "sql", page));
    }
    assertThat(run).as("database examples run").isGreaterThanOrEqualTo(4);
  }

  private static int runPage(Path page) throws Exception {
    List<Block> blocks = blocks(Files.readString(page, StandardCharsets.UTF_8));
    TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    int run = 0;
    for (int i = 0; i < blocks.size(); i++) {
      Block block = blocks.get(i);
      if (block.info().equals("sql postgresql")) {
        db.execute(List.of(block.code().split(";")).stream().filter(s -> !s.isBlank()).toArray(String[]::new));
        run++;
      } else if (block.info().equals("sql jdbc")) {
        Block shown = i + 1 < blocks.size() && blocks.get(i + 1).info().equals("text") ? blocks.get(i + 1) : null;
        List<ParsedStatement> statements = SqlStatementParser.parseScript(block.code());
        for (int s = 0; s < statements.size(); s++) {
          TableResult result = tEnv.executeSql(statements.get(s).text().text().replace(DOCS_URL, db.url()));
          if (s == statements.size() - 1 && shown != null) {
            assertThat(printed(result)).as("what %s:%d prints", page.getFileName(), block.line())
                .isEqualTo(shown.code().strip());
          } else if (result.getJobClient().isPresent()) {
            try (CloseableIterator<Row> rows = result.collect()) {
              rows.forEachRemaining(row -> { });
            }
            result.await();
          }
        }
        run++;
      }
    }
    return run;
  }

  private static String printed(TableResult result) {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      result.print();
    } finally {
      System.setOut(original);
    }
    return out.toString(StandardCharsets.UTF_8).strip();
  }
}
