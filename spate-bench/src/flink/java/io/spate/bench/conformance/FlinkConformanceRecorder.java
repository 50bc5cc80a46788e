package io.spate.bench.conformance;

import java.io.IOException;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;
import org.apache.flink.util.CloseableIterator;

/**
 * Records Apache Flink's results of the SQL conformance corpus (spate-sql/src/test/resources/conformance):
 * runs every {@code NAME.sql} there on Flink's SQL engine and writes {@code NAME.expected} next to it, the
 * oracle Spate's {@code SqlConformanceCorpusTest} compares with. A script is statements ending in a
 * semicolon at the end of a line; its {@code SET}s configure the session, its last statement is the
 * query whose result is recorded. The format of an expected file is described in the corpus's README.
 *
 * <p>Run with {@code java -cp "spate-bench/target/classes:$(cat spate-bench/target/flink-classpath.txt):spate-bench/target/flink-scala-lib/*"
 * io.spate.bench.conformance.FlinkConformanceRecorder spate-sql/src/test/resources/conformance [NAME...]}.
 */
public final class FlinkConformanceRecorder {

  /** The text every script writes where its corpus directory belongs, in file paths. */
  static final String CORPUS = "${corpus}";

  private static final Pattern SET = Pattern.compile("(?is)^SET\\s+'([^']+)'\\s*=\\s*'([^']*)'$");

  private FlinkConformanceRecorder() {}

  /** Records the scripts named after the corpus directory, or all of them. */
  public static void main(String[] args) throws IOException {
    if (args.length == 0) {
      System.err.println("usage: FlinkConformanceRecorder CORPUS_DIR [SCRIPT_NAME...]");
      System.exit(2);
    }
    Path corpus = Path.of(args[0]).toAbsolutePath().normalize();
    List<String> only = List.of(args).subList(1, args.length);
    List<Path> scripts;
    try (Stream<Path> files = Files.list(corpus)) {
      scripts = files.filter(p -> p.getFileName().toString().endsWith(".sql")).sorted().toList();
    }
    if (scripts.isEmpty()) {
      throw new IllegalArgumentException("No .sql scripts in " + corpus);
    }
    for (Path script : scripts) {
      String name = script.getFileName().toString().replaceFirst("\\.sql$", "");
      if (!only.isEmpty() && !only.contains(name)) {
        continue;
      }
      String expected = record(corpus, name, Files.readString(script, StandardCharsets.UTF_8));
      Files.writeString(corpus.resolve(name + ".expected"), expected, StandardCharsets.UTF_8);
      System.out.println(name + ": " + expected.lines().skip(1).findFirst().orElse(""));
    }
    System.exit(0);
  }

  private static String record(Path corpus, String name, String script) {
    StringBuilder out = new StringBuilder("# Apache Flink 1.20.4's result of " + name
        + ".sql, written by FlinkConformanceRecorder (re-record, do not edit)\n");
    List<String> statements = statements(script.replace(CORPUS, corpus.toString()));
    try {
      TableEnvironment tEnv = TableEnvironment.create(settings(statements));
      TableResult result = null;
      for (String statement : statements) {
        if (!SET.matcher(statement).matches()) {
          result = tEnv.executeSql(statement);
        }
      }
      if (result == null) {
        throw new IllegalArgumentException(name + ".sql has no statement to record");
      }
      List<String> rows = fold(result);
      for (Column column : result.getResolvedSchema().getColumns()) {
        out.append("column: ").append(column.getName()).append(' ')
            .append(column.getDataType().getLogicalType().asSummaryString()).append('\n');
      }
      out.append("rows: ").append(rows.size()).append('\n');
      rows.stream().sorted().forEach(row -> out.append(row).append('\n'));
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (Throwable e) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      out.append("error: ").append(summary(e, corpus)).append('\n');
      out.append("cause: ").append(summary(root, corpus)).append('\n');
    }
    return out.toString();
  }

  /** The session: parallelism 1, and the script's SET options (its runtime mode among them). */
  private static EnvironmentSettings settings(List<String> statements) {
    Configuration config = new Configuration();
    config.set(CoreOptions.DEFAULT_PARALLELISM, 1);
    for (String statement : statements) {
      Matcher set = SET.matcher(statement);
      if (set.matches()) {
        config.setString(set.group(1), set.group(2));
      }
    }
    boolean batch = config.get(ExecutionOptions.RUNTIME_MODE) == RuntimeExecutionMode.BATCH;
    EnvironmentSettings.Builder settings = EnvironmentSettings.newInstance().withConfiguration(config);
    return (batch ? settings.inBatchMode() : settings.inStreamingMode()).build();
  }

  /** The script's statements: text up to a semicolon that ends a line, without {@code --} comment lines. */
  static List<String> statements(String script) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\n")) {
      if (line.strip().startsWith("--")) {
        continue;
      }
      current.append(line).append('\n');
      if (line.stripTrailing().endsWith(";")) {
        String statement = current.toString().strip();
        statements.add(statement.substring(0, statement.length() - 1).strip());
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      statements.add(current.toString().strip());
    }
    return statements;
  }

  /** The rows the result's changelog leaves, each in the corpus's canonical text. */
  private static List<String> fold(TableResult result) throws Exception {
    List<String> rows = new ArrayList<>();
    try (CloseableIterator<Row> changes = result.collect()) {
      while (changes.hasNext()) {
        Row change = changes.next();
        RowKind kind = change.getKind();
        String row = canonicalRow(change);
        if (kind == RowKind.INSERT || kind == RowKind.UPDATE_AFTER) {
          rows.add(row);
        } else if (!rows.remove(row)) {
          throw new IllegalStateException("Flink retracted a row it never emitted: " + row);
        }
      }
    }
    return rows;
  }

  private static String canonicalRow(Row row) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < row.getArity(); i++) {
      out.append(i == 0 ? "" : " | ").append(canonical(row.getField(i)));
    }
    return out.toString();
  }

  /**
   * A value in the corpus's canonical text: NULL, strings quoted, decimals plain with their scale,
   * arrays in brackets, maps sorted in braces, rows in parentheses, bytes as x'hex', others as Java prints them.
   */
  static String canonical(Object value) {
    if (value == null) {
      return "NULL";
    } else if (value instanceof String s) {
      return "'" + s.replace("'", "''").replace("\n", "\\n") + "'";
    } else if (value instanceof BigDecimal d) {
      return d.toPlainString();
    } else if (value instanceof byte[] bytes) {
      return "x'" + HexFormat.of().formatHex(bytes).toUpperCase(Locale.ROOT) + "'";
    } else if (value.getClass().isArray()) {
      List<String> elements = new ArrayList<>();
      for (int i = 0; i < Array.getLength(value); i++) {
        elements.add(canonical(Array.get(value, i)));
      }
      return "[" + String.join(", ", elements) + "]";
    } else if (value instanceof Map<?, ?> map) {
      return "{" + String.join(", ", map.entrySet().stream()
          .map(e -> canonical(e.getKey()) + "=" + canonical(e.getValue())).sorted().toList()) + "}";
    } else if (value instanceof Row row) {
      List<String> fields = new ArrayList<>();
      for (int i = 0; i < row.getArity(); i++) {
        fields.add(canonical(row.getField(i)));
      }
      return "(" + String.join(", ", fields) + ")";
    }
    return value.toString();
  }

  private static String summary(Throwable e, Path corpus) {
    String message = e.getMessage() == null ? "" : e.getMessage().strip();
    int newline = message.indexOf('\n');
    String first = newline < 0 ? message : message.substring(0, newline);
    return e.getClass().getName() + ": " + first.replace(corpus.toString(), CORPUS);
  }
}
