package io.spate.runtime.config;

import io.spate.runtime.DurationFormat;
import io.spate.api.configuration.ConfigOption;
import io.spate.api.configuration.Configuration;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The configuration a cluster runs with, for display: every documented option with its value or
 * default, plus every other key that was set, with secrets masked.
 */
public final class EffectiveConfiguration {

  /** What a secret value is shown as. */
  public static final String MASK = "******";

  // Keys set by hand (not declared as options) are masked when their name suggests a secret.
  private static final Pattern SECRET_KEY = Pattern.compile("(?i).*(password|secret|token|credential).*");

  private EffectiveConfiguration() {}

  /** The keys and values of {@code conf} with documented defaults filled in, sorted by key; secrets masked. */
  public static Map<String, String> of(Configuration conf) {
    Map<String, String> values = new TreeMap<>();
    Set<String> secretKeys = new java.util.HashSet<>();
    for (ConfigOption<?> option : ConfigurationDocs.allOptions()) {
      if (option.secret()) {
        secretKeys.add(option.key());
      }
      if (option.defaultValue() != null) {
        values.put(option.key(), display(option.defaultValue()));
      }
    }
    values.putAll(conf.toMap());
    values.replaceAll((key, value) -> secretKeys.contains(key) || SECRET_KEY.matcher(key).matches() ? MASK : value);
    return values;
  }

  private static String display(Object value) {
    if (value instanceof Duration d) {
      return DurationFormat.of(d.toMillis());
    }
    if (value instanceof Enum<?> e) {
      return e.name().toLowerCase(Locale.ROOT);
    }
    return String.valueOf(value);
  }
}
