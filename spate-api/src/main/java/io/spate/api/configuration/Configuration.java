package io.spate.api.configuration;

import io.spate.api.annotation.Public;
import java.io.Serializable;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A set of configuration values, stored as strings and read through typed {@link ConfigOption}s.
 * Malformed values are reported with the key, the value and the expected form.
 */
@Public
public final class Configuration implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final Pattern DURATION =
      Pattern.compile("\\s*(\\d+)\\s*(ms|milli|millis|s|sec|secs|second|seconds|min|mins|minute|minutes|h|hour|hours|d|day|days)?\\s*");

  private final LinkedHashMap<String, String> values = new LinkedHashMap<>();

  /** An empty configuration. */
  public Configuration() {}

  /** A copy of {@code other}. */
  public Configuration(Configuration other) {
    values.putAll(other.values);
  }

  /** A configuration holding the given raw key/value pairs. */
  public static Configuration fromMap(Map<String, String> map) {
    Configuration conf = new Configuration();
    conf.values.putAll(map);
    return conf;
  }

  /** Sets {@code option} to {@code value}. */
  public <T> Configuration set(ConfigOption<T> option, T value) {
    values.put(option.key(), format(value));
    return this;
  }

  /** Sets a raw string value. */
  public Configuration setString(String key, String value) {
    values.put(key, value);
    return this;
  }

  /** Copies every value of {@code other} into this configuration, overriding existing ones. */
  public Configuration addAll(Configuration other) {
    values.putAll(other.values);
    return this;
  }

  /** The value of {@code option}, or its default. */
  public <T> T get(ConfigOption<T> option) {
    return getOptional(option).orElse(option.defaultValue());
  }

  /** The value of {@code option} if it is set. */
  public <T> Optional<T> getOptional(ConfigOption<T> option) {
    String raw = values.get(option.key());
    return raw == null ? Optional.empty() : Optional.of(parse(option, raw));
  }

  /** Whether {@code option} is set explicitly. */
  public boolean contains(ConfigOption<?> option) {
    return values.containsKey(option.key());
  }

  /** The raw values, read-only. */
  public Map<String, String> toMap() {
    return Collections.unmodifiableMap(values);
  }

  private static String format(Object value) {
    if (value instanceof Duration d) {
      return d.toMillis() + " ms";
    }
    if (value instanceof Enum<?> e) {
      return e.name();
    }
    return String.valueOf(value);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static <T> T parse(ConfigOption<T> option, String raw) {
    Class<T> type = option.type();
    String value = raw.trim();
    try {
      if (type == String.class) {
        return (T) raw;
      } else if (type == Integer.class) {
        return (T) Integer.valueOf(value);
      } else if (type == Long.class) {
        return (T) Long.valueOf(value);
      } else if (type == Double.class) {
        return (T) Double.valueOf(value);
      } else if (type == Float.class) {
        return (T) Float.valueOf(value);
      } else if (type == Boolean.class) {
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
          return (T) Boolean.valueOf(value);
        }
        throw new IllegalArgumentException();
      } else if (type == Duration.class) {
        return (T) parseDuration(value);
      } else if (type == MemorySize.class) {
        return (T) MemorySize.parse(value);
      } else if (type.isEnum()) {
        return (T) Enum.valueOf((Class) type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalConfigurationException(
          "Invalid value '" + raw + "' for option '" + option.key() + "': expected "
              + describe(type) + ".");
    }
    throw new IllegalStateException("Unsupported option type " + type + " of " + option.key());
  }

  private static Duration parseDuration(String value) {
    Matcher m = DURATION.matcher(value.toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException(value);
    }
    long amount = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "ms" : m.group(2);
    return switch (unit.charAt(0)) {
      case 'm' -> unit.startsWith("mi") && !unit.startsWith("mil")
          ? Duration.ofMinutes(amount) : Duration.ofMillis(amount);
      case 's' -> Duration.ofSeconds(amount);
      case 'h' -> Duration.ofHours(amount);
      case 'd' -> Duration.ofDays(amount);
      default -> throw new IllegalArgumentException(value);
    };
  }

  private static String describe(Class<?> type) {
    if (type.isEnum()) {
      StringBuilder sb = new StringBuilder("one of ");
      Object[] constants = type.getEnumConstants();
      for (int i = 0; i < constants.length; i++) {
        sb.append(i == 0 ? "" : ", ").append(((Enum<?>) constants[i]).name().toLowerCase(Locale.ROOT));
      }
      return sb.toString();
    }
    if (type == Duration.class) {
      return "a duration such as '200 ms', '10 s' or '5 min'";
    }
    if (type == MemorySize.class) {
      return "a memory size such as '20 kb', '64 mb' or '1 gb'";
    }
    if (type == Boolean.class) {
      return "true or false";
    }
    return "a value of type " + type.getSimpleName().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return values.toString();
  }

  /** Removes the value of {@code option}, which then reads as its default; true if one was set. */
  public <T> boolean removeConfig(ConfigOption<T> option) {
    return values.remove(option.key()) != null;
  }
}
