package io.spate.table.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.datastream.CloseableIterator;
import io.spate.api.types.Row;
import io.spate.table.api.EnvironmentSettings;
import io.spate.table.api.TableEnvironment;
import io.spate.table.api.TableResult;
import io.spate.table.parse.ParsedStatement;
import io.spate.table.parse.SqlStatementParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the SQL of every page under docs/sql: each page's {@code ```sql} blocks in order, in one
 * session per page. Where a {@code ```text} block follows, it must be exactly what {@code print()}
 * shows for the block's last statement; every {@code INSERT} waits for its job.
 */
class SqlDocsExamplesTest {

  @TestFactory
  Stream<DynamicTest> everySqlExampleOfTheDocsRuns() throws IOException {
    Path docs = Path.of("..", "docs", "sql");
    List<Path> pages;
    try (Stream<Path> files = Files.list(docs)) {
      pages = files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
    }
    assertThat(pages).isNotEmpty();
    return pages.stream().map(page -> DynamicTest.dynamicTest(page.getFileName().toString(), () -> runPage(page)));
  }

  private static void runPage(Path page) throws Exception {
    List<Block> blocks = blocks(Files.readString(page, StandardCharsets.UTF_8));
    TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    Path files = Files.createTempDirectory("spate-sql-docs");
    for (int i = 0; i < blocks.size(); i++) {
      Block block = blocks.get(i);
      if (!block.language().equals("sql")) {
        continue;
      }
      Block shown = i + 1 < blocks.size() && blocks.get(i + 1).language().equals("text") ? blocks.get(i + 1) : null;
      List<ParsedStatement> statements = SqlStatementParser.parseScript(block.code());
      for (int s = 0; s < statements.size(); s++) {
        TableResult result = tEnv.executeSql(statements.get(s).text().text().replace(DOCS_FILES, files.toString()));
        boolean last = s == statements.size() - 1;
        if (last && shown != null) {
          assertThat(printed(result)).as("what %s:%d prints", page.getFileName(), block.line())
              .isEqualTo(shown.code().strip());
        } else if (result.getJobClient().isPresent()) {
          drain(result);
        }
      }
    }
  }

  /** The directory the pages' file paths name; each page's run gets a fresh temporary one instead. */
  private static final String DOCS_FILES = "/tmp/spate-sql-docs";

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

  private static void drain(TableResult result) throws Exception {
    try (CloseableIterator<Row> rows = result.collect()) {
      rows.forEachRemaining(row -> { });
    }
    result.await();
  }

  /** A fenced code block: its language, its first line in the page, its text. */
  record Block(String language, int line, String code) {}

  static List<Block> blocks(String markdown) {
    List<Block> blocks = new ArrayList<>();
    String[] lines = markdown.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith("```") && lines[i].length() > 3) {
        String language = lines[i].substring(3).trim();
        StringBuilder code = new StringBuilder();
        int start = i + 1;
        for (i = i + 1; i < lines.length && !lines[i].startsWith("```"); i++) {
          code.append(lines[i]).append('\n');
        }
        blocks.add(new Block(language, start, code.toString()));
      }
    }
    return blocks;
  }

  /** The first example of getting-started.md, compiled here. */
  @Test
  void theFirstSessionOfGettingStartedRuns() throws Exception {
    List<String> printed = new ArrayList<>();
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
      tEnv.executeSql("CREATE TABLE orders (id BIGINT, amount INT) WITH ("
          + "'connector' = 'datagen', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1',"
          + " 'fields.id.end' = '100', 'fields.amount.min' = '1', 'fields.amount.max' = '50')");
      TableResult result = tEnv.executeSql("SELECT id, amount * 2 AS doubled FROM orders WHERE amount > 25");
      try (CloseableIterator<Row> rows = result.collect()) {
        rows.forEachRemaining(row -> System.out.println(row));
      }
    } finally {
      System.setOut(original);
    }
    for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
      if (!line.isBlank()) {
        printed.add(line);
      }
    }
    assertThat(printed).isNotEmpty().hasSizeLessThan(100).allSatisfy(line -> {
      assertThat(line).startsWith("+I[");
      int doubled = Integer.parseInt(line.substring(line.indexOf(", ") + 2, line.length() - 1));
      assertThat(doubled).isBetween(52, 100);
    });
  }
}
