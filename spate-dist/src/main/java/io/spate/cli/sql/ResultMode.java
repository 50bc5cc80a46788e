package io.spate.cli.sql;

import io.spate.table.api.ValidationException;
import java.util.Locale;
import java.util.Map;

/** How the shell shows a query's result: option {@code sql-client.execution.result-mode}, as in Flink's SQL client. */
enum ResultMode {
  /** The materialized result, refreshed in a view of its own. */
  TABLE,
  /** Every change of the result (with its kind), refreshed in a view of its own. */
  CHANGELOG,
  /** The rows printed as they arrive, with borders, in the shell's own output. */
  TABLEAU;

  /** The option's key. */
  static final String KEY = "sql-client.execution.result-mode";

  /** The option's value in {@code options}, or Flink's default, {@code table}. */
  static ResultMode of(Map<String, String> options) {
    String value = options.get(KEY);
    return value == null ? TABLE : parse(value);
  }

  /** The mode named {@code value}, in any case; an error names the three choices. */
  static ResultMode parse(String value) {
    try {
      return valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ValidationException("'" + value + "' is not a value of '" + KEY
          + "': choose 'table', 'changelog' or 'tableau'");
    }
  }
}
