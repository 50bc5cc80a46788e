package io.spate.table.conformance;

import io.spate.api.datastream.CloseableIterator;
import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import io.spate.table.api.EnvironmentSettings;
import io.spate.table.api.TableEnvironment;
import io.spate.table.api.TableResult;
import io.spate.table.catalog.ResolvedSchema;
import io.spate.table.parse.ParsedStatement;
import io.spate.table.parse.SqlStatementParser;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs a conformance script on Spate as {@code spate sql -f} would (one session, statement by statement,
 * the last statement's result collected) and gives its outcome in the corpus's canonical text.
 */
final class SpateConformanceRunner {

  /** The text scripts write where the corpus directory belongs, in file paths. */
  static final String CORPUS = "${corpus}";

  private final Path corpus;

  SpateConformanceRunner(Path corpus) {
    this.corpus = corpus.toAbsolutePath().normalize();
  }

  ConformanceOutcome run(String script) {
    try {
      List<ParsedStatement> statements = SqlStatementParser.parseScript(script.replace(CORPUS, corpus.toString()));
      TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
      tEnv.getConfig().set("parallelism.default", "1");
      TableResult result = null;
      for (ParsedStatement statement : statements) {
        result = tEnv.executeSql(statement.text().text());
      }
      if (result == null) {
        throw new IllegalArgumentException("The script has no statement");
      }
      List<String> rows = fold(result);
      ResolvedSchema schema = result.getResolvedSchema();
      List<String> columns = new ArrayList<>();
      for (int i = 0; i < schema.getColumnCount(); i++) {
        columns.add(schema.getColumnNames().get(i) + " " + schema.getColumnTypes().get(i).asSummaryString());
      }
      return ConformanceOutcome.result(columns, rows);
    } catch (Exception | LinkageError | AssertionError e) {
      return ConformanceOutcome.rejected(ConformanceErrors.summary(e).replace(corpus.toString(), CORPUS));
    }
  }

  /** The rows the result's changelog leaves; a retraction of a row that is not there fails the run. */
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
          throw new IllegalStateException("Spate retracted a row it never emitted: " + kind + " " + row);
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
   * A value in the corpus's canonical text, the same as Flink's recorder ({@code FlinkConformanceRecorder}
   * in spate-bench) writes: NULL, strings quoted, decimals plain with their scale, arrays in brackets,
   * maps sorted in braces, rows in parentheses, bytes as x'hex', others as Java prints them.
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
}
