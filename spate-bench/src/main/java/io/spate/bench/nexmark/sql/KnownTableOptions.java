package io.spate.bench.nexmark.sql;

import io.spate.api.configuration.ConfigOption;
import io.spate.table.api.config.OptimizerConfigOptions;
import io.spate.table.api.config.TableConfigOptions;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table options ({@code table.*}) Spate SQL knows, for the Nexmark SQL runs: a {@code SET} of any
 * other key is kept by a session without effect (as in Flink), so a run would compare engines with
 * different settings unnoticed; {@link #check} refuses it instead.
 */
public final class KnownTableOptions {

  private static final Pattern SET = Pattern.compile("(?is)^SET\\s+'([^']+)'\\s*=\\s*'([^']*)'$");
  private static final List<Class<?>> OPTION_CLASSES = List.of(TableConfigOptions.class, OptimizerConfigOptions.class);

  private KnownTableOptions() {}

  /** The keys of the options that Spate SQL's option classes declare. */
  public static Set<String> keys() {
    Set<String> keys = new TreeSet<>();
    for (Class<?> options : OPTION_CLASSES) {
      for (Field field : options.getFields()) {
        if (Modifier.isStatic(field.getModifiers()) && ConfigOption.class.isAssignableFrom(field.getType())) {
          try {
            keys.add(((ConfigOption<?>) field.get(null)).key());
          } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot read option " + field, e);
          }
        }
      }
    }
    return keys;
  }

  /** Fails naming the first of {@code statements} that sets a {@code table.*} option Spate SQL does not know. */
  public static void check(List<String> statements) {
    Set<String> known = keys();
    for (String statement : statements) {
      Matcher set = SET.matcher(statement.strip());
      if (set.matches()) {
        String key = set.group(1);
        if (key.toLowerCase(Locale.ROOT).startsWith("table.") && !known.contains(key)) {
          throw new IllegalArgumentException("The Nexmark SQL sets '" + key + "', a table option Spate SQL does not"
              + " know, so the engines would not run with the same settings; the known ones: " + known);
        }
      }
    }
  }
}
