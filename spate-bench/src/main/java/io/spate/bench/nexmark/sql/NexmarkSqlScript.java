package io.spate.bench.nexmark.sql;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Nexmark query in SQL, as the files under {@code nexmark-sql/} hold it: the shared prelude (the
 * events' table and views) and the query's own statements, with the prelude's {@code ${name}}
 * placeholders filled, split into statements. The query's last statement is its {@code INSERT INTO}
 * sink; {@link #query()} is that statement's {@code SELECT}, which a runner folds instead of writing.
 *
 * @param prelude the prelude's statements, in order
 * @param setup the query's statements before its INSERT (functions, the sink's table)
 * @param insert the query's {@code INSERT INTO ... SELECT ...}
 */
public record NexmarkSqlScript(List<String> prelude, List<String> setup, String insert) {

  /** Where the files are, on the class path. */
  public static final String DIRECTORY = "nexmark-sql/";

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z-]+)}");
  private static final Pattern INSERT_INTO =
      Pattern.compile("(?is)^INSERT\\s+INTO\\s+[`\\w.]+\\s+(SELECT\\b.*)$");

  /** The query's SELECT: what its INSERT writes. */
  public String query() {
    Matcher m = INSERT_INTO.matcher(insert);
    if (!m.matches()) {
      throw new IllegalStateException("The last statement of a Nexmark query must be INSERT INTO <sink> SELECT ...,"
          + " not: " + insert);
    }
    return m.group(1);
  }

  /**
   * Loads query {@code name} (such as {@code q5}) with {@code values} for the placeholders; fails
   * naming a placeholder without a value or a query without a file.
   */
  public static NexmarkSqlScript load(String name, Map<String, String> values) {
    List<String> prelude = statements(fill(read("prelude.sql"), values));
    List<String> statements = statements(fill(read(name + ".sql"), values));
    if (statements.isEmpty()) {
      throw new IllegalStateException("Nexmark query " + name + " has no statements");
    }
    return new NexmarkSqlScript(prelude, List.copyOf(statements.subList(0, statements.size() - 1)),
        statements.get(statements.size() - 1));
  }

  /** The text of file {@code file} under {@link #DIRECTORY}. */
  public static String read(String file) {
    try (InputStream in = NexmarkSqlScript.class.getClassLoader().getResourceAsStream(DIRECTORY + file)) {
      if (in == null) {
        throw new IllegalArgumentException("No Nexmark SQL file " + DIRECTORY + file + " on the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + DIRECTORY + file, e);
    }
  }

  static String fill(String text, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalArgumentException("No value for the placeholder ${" + m.group(1) + "}; given: "
            + values.keySet());
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * The statements of {@code script}: its lines without {@code --} comments, split where a line
   * ends with {@code ;} (the files put no two statements on one line and no {@code ;} inside one).
   */
  static List<String> statements(String script) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\n", -1)) {
      String trimmed = line.strip();
      if (trimmed.startsWith("--")) {
        continue;
      }
      if (trimmed.endsWith(";")) {
        String end = line.stripTrailing();
        current.append(end, 0, end.length() - 1);
        add(statements, current);
      } else {
        current.append(line).append('\n');
      }
    }
    add(statements, current);
    return statements;
  }

  private static void add(List<String> statements, StringBuilder current) {
    String statement = current.toString().strip();
    if (!statement.isEmpty()) {
      statements.add(statement);
    }
    current.setLength(0);
  }
}
