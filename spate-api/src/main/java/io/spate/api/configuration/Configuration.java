package io.spate.api.configuration;

import io.spate.api.annotation.Public;
import io.spate.api.common.ExecutionConfig;
import io.spate.api.serialization.DataInputView;
import io.spate.api.serialization.DataOutputView;
import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A set of configuration values, stored as strings and read through typed {@link ConfigOption}s.
 * Malformed values are reported with the key, the value and the expected form. As in Flink, a
 * configuration can serve as a job's global parameters ({@code setGlobalJobParameters(conf)}).
 */
@Public
public final class Configuration extends ExecutionConfig.GlobalJobParameters
    implements Serializable, Cloneable, ReadableConfig, WritableConfig {

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
    String key = setKey(option);
    return key == null ? Optional.empty() : Optional.of(parse(option, key, values.get(key)));
  }

  /** Whether {@code option} is set explicitly, under its key or one of its fallback keys. */
  public boolean contains(ConfigOption<?> option) {
    return setKey(option) != null;
  }

  /** The key {@code option} is set under: its own, else the first fallback key set; null if none is. */
  private String setKey(ConfigOption<?> option) {
    if (values.containsKey(option.key())) {
      return option.key();
    }
    for (FallbackKey fallback : option.fallbackKeys()) {
      if (values.containsKey(fallback.getKey())) {
        return fallback.getKey();
      }
    }
    return null;
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
    if (value instanceof List<?> list) {
      List<String> elements = new ArrayList<>();
      for (Object element : list) {
        String text = format(element);
        if (text.contains(";")) {
          throw new IllegalArgumentException("A list value's element must not contain ';', the separator: '" + text + "'.");
        }
        elements.add(text);
      }
      return String.join(";", elements);
    }
    if (value instanceof Map<?, ?> map) {
      List<String> entries = new ArrayList<>();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        String k = String.valueOf(entry.getKey());
        String v = String.valueOf(entry.getValue());
        if (k.contains(":") || k.contains(",") || v.contains(",")) {
          throw new IllegalArgumentException("A map value's key must not contain ':' or ',', nor its value ',': '"
              + k + "' -> '" + v + "'.");
        }
        entries.add(k + ":" + v);
      }
      return String.join(",", entries);
    }
    return String.valueOf(value);
  }

  @SuppressWarnings("unchecked")
  private static <T> T parse(ConfigOption<T> option, String key, String raw) {
    if (option.type() == List.class) {
      List<Object> list = new ArrayList<>();
      for (String element : raw.split(";", -1)) {
        if (!element.isBlank()) {
          list.add(parse(option.elementType(), key, element));
        }
      }
      return (T) List.copyOf(list);
    }
    if (option.type() == Map.class) {
      Map<String, String> map = new LinkedHashMap<>();
      for (String entry : raw.split(",", -1)) {
        if (entry.isBlank()) {
          continue;
        }
        int colon = entry.indexOf(':');
        if (colon < 0) {
          throw new IllegalConfigurationException("Invalid value '" + raw + "' for option '" + key
              + "': expected a map such as 'k1:v1,k2:v2', but '" + entry.trim() + "' has no ':'.");
        }
        map.put(entry.substring(0, colon).trim(), entry.substring(colon + 1).trim());
      }
      return (T) Collections.unmodifiableMap(map);
    }
    return parse(option.type(), key, raw);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static <T> T parse(Class<T> type, String key, String raw) {
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
          "Invalid value '" + raw + "' for option '" + key + "': expected "
              + describe(type) + ".");
    }
    throw new IllegalStateException("Unsupported option type " + type + " of " + key);
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

  // ---------------------------------------------------------------- Flink's Configuration methods

  /** The value of {@code option}, or {@code overrideDefault} when it is not set. */
  public <T> T get(ConfigOption<T> option, T overrideDefault) {
    return getOptional(option).orElse(overrideDefault);
  }

  /** A copy of this configuration. */
  @Override
  public Configuration clone() {
    return new Configuration(this);
  }

  /** The keys that are set. */
  public Set<String> keySet() {
    return Collections.unmodifiableSet(new LinkedHashSet<>(values.keySet()));
  }

  /** Whether a value is set under {@code key}. */
  public boolean containsKey(String key) {
    return values.containsKey(key);
  }

  /** Removes {@code option}'s value under its key and each of its fallback keys; true if one was set. */
  public <T> boolean removeConfig(ConfigOption<T> option) {
    boolean removed = values.remove(option.key()) != null;
    for (FallbackKey fallback : option.fallbackKeys()) {
      removed |= values.remove(fallback.getKey()) != null;
    }
    return removed;
  }

  /** Removes the value under {@code key}; true if one was set. */
  public boolean removeKey(String key) {
    return values.remove(key) != null;
  }

  /** Copies every value of {@code other} into this configuration, each key preceded by {@code prefix}. */
  public void addAll(Configuration other, String prefix) {
    other.values.forEach((key, value) -> values.put(prefix + key, value));
  }

  /** Puts every value into {@code props}, as strings. */
  public void addAllToProperties(Properties props) {
    props.putAll(values);
  }

  /** The value of {@code option} (or its default) as a string; null if it has neither. */
  public String getValue(ConfigOption<?> option) {
    Object value = get(option);
    return value == null ? null : format(value);
  }

  /**
   * The value of the string option {@code option} (or its default) as a constant of {@code enumClass},
   * in any case.
   *
   * @throws IllegalArgumentException naming the option, the value and the constants if it is none of them
   */
  public <T extends Enum<T>> T getEnum(Class<T> enumClass, ConfigOption<String> option) {
    String value = get(option);
    if (value == null) {
      throw new IllegalArgumentException("Option '" + option.key() + "' has no value and no default.");
    }
    ConfigOption<T> typed = new ConfigOption<>(option.key(), enumClass, null, "", null);
    try {
      return parse(typed, option.key(), value);
    } catch (IllegalConfigurationException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /**
   * The class named under {@code key}, loaded with {@code classLoader}, or {@code defaultValue} if
   * none is set.
   */
  @SuppressWarnings("unchecked")
  public <T> Class<T> getClass(String key, Class<? extends T> defaultValue, ClassLoader classLoader)
      throws ClassNotFoundException {
    String name = values.get(key);
    return name == null ? (Class<T>) defaultValue : (Class<T>) Class.forName(name.trim(), true, classLoader);
  }

  /** Sets {@code key} to the name of {@code klazz}. */
  public void setClass(String key, Class<?> klazz) {
    values.put(key, klazz.getName());
  }

  /** The value under {@code key}, or {@code defaultValue}. */
  public String getString(String key, String defaultValue) {
    return values.getOrDefault(key, defaultValue);
  }

  /** The value of a string option, or its default. */
  public String getString(ConfigOption<String> option) {
    return get(option);
  }

  /** The value of a string option, or {@code overrideDefault}. */
  public String getString(ConfigOption<String> option, String overrideDefault) {
    return get(option, overrideDefault);
  }

  /** Sets a string option. */
  public Configuration setString(ConfigOption<String> option, String value) {
    return set(option, value);
  }

  /** The int under {@code key}, or {@code defaultValue}; a malformed value fails naming the key. */
  public int getInteger(String key, int defaultValue) {
    return getRaw(key, Integer.class, defaultValue);
  }

  /** The value of an int option, or its default. */
  public int getInteger(ConfigOption<Integer> option) {
    return get(option);
  }

  /** The value of an int option, or {@code overrideDefault}. */
  public int getInteger(ConfigOption<Integer> option, int overrideDefault) {
    return get(option, overrideDefault);
  }

  /** Sets {@code key} to an int. */
  public Configuration setInteger(String key, int value) {
    return setString(key, Integer.toString(value));
  }

  /** Sets an int option. */
  public Configuration setInteger(ConfigOption<Integer> option, int value) {
    return set(option, value);
  }

  /** The long under {@code key}, or {@code defaultValue}; a malformed value fails naming the key. */
  public long getLong(String key, long defaultValue) {
    return getRaw(key, Long.class, defaultValue);
  }

  /** The value of a long option, or its default. */
  public long getLong(ConfigOption<Long> option) {
    return get(option);
  }

  /** The value of a long option, or {@code overrideDefault}. */
  public long getLong(ConfigOption<Long> option, long overrideDefault) {
    return get(option, overrideDefault);
  }

  /** Sets {@code key} to a long. */
  public Configuration setLong(String key, long value) {
    return setString(key, Long.toString(value));
  }

  /** Sets a long option. */
  public Configuration setLong(ConfigOption<Long> option, long value) {
    return set(option, value);
  }

  /** The boolean under {@code key}, or {@code defaultValue}; a value other than true or false fails. */
  public boolean getBoolean(String key, boolean defaultValue) {
    return getRaw(key, Boolean.class, defaultValue);
  }

  /** The value of a boolean option, or its default. */
  public boolean getBoolean(ConfigOption<Boolean> option) {
    return get(option);
  }

  /** The value of a boolean option, or {@code overrideDefault}. */
  public boolean getBoolean(ConfigOption<Boolean> option, boolean overrideDefault) {
    return get(option, overrideDefault);
  }

  /** Sets {@code key} to a boolean. */
  public Configuration setBoolean(String key, boolean value) {
    return setString(key, Boolean.toString(value));
  }

  /** Sets a boolean option. */
  public Configuration setBoolean(ConfigOption<Boolean> option, boolean value) {
    return set(option, value);
  }

  /** The float under {@code key}, or {@code defaultValue}; a malformed value fails naming the key. */
  public float getFloat(String key, float defaultValue) {
    return getRaw(key, Float.class, defaultValue);
  }

  /** The value of a float option, or its default. */
  public float getFloat(ConfigOption<Float> option) {
    return get(option);
  }

  /** The value of a float option, or {@code overrideDefault}. */
  public float getFloat(ConfigOption<Float> option, float overrideDefault) {
    return get(option, overrideDefault);
  }

  /** Sets {@code key} to a float. */
  public Configuration setFloat(String key, float value) {
    return setString(key, Float.toString(value));
  }

  /** Sets a float option. */
  public Configuration setFloat(ConfigOption<Float> option, float value) {
    return set(option, value);
  }

  /** The double under {@code key}, or {@code defaultValue}; a malformed value fails naming the key. */
  public double getDouble(String key, double defaultValue) {
    return getRaw(key, Double.class, defaultValue);
  }

  /** The value of a double option, or its default. */
  public double getDouble(ConfigOption<Double> option) {
    return get(option);
  }

  /** The value of a double option, or {@code overrideDefault}. */
  public double getDouble(ConfigOption<Double> option, double overrideDefault) {
    return get(option, overrideDefault);
  }

  /** Sets {@code key} to a double. */
  public Configuration setDouble(String key, double value) {
    return setString(key, Double.toString(value));
  }

  /** Sets a double option. */
  public Configuration setDouble(ConfigOption<Double> option, double value) {
    return set(option, value);
  }

  /**
   * The bytes under {@code key} (stored as Base64 by {@link #setBytes}), or {@code defaultValue}.
   *
   * @throws IllegalConfigurationException naming the key if the value is not Base64
   */
  public byte[] getBytes(String key, byte[] defaultValue) {
    String raw = values.get(key);
    if (raw == null) {
      return defaultValue;
    }
    try {
      return Base64.getDecoder().decode(raw.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalConfigurationException("Invalid value '" + raw + "' for key '" + key
          + "': expected bytes in Base64, as setBytes writes them.");
    }
  }

  /** Sets {@code key} to {@code bytes}, stored as Base64 text. */
  public Configuration setBytes(String key, byte[] bytes) {
    return setString(key, Base64.getEncoder().encodeToString(bytes));
  }

  /** Writes the values, as key/value strings, to {@code out}; {@link #read} reads them back. */
  public void write(DataOutputView out) throws IOException {
    out.writeInt(values.size());
    for (Map.Entry<String, String> entry : values.entrySet()) {
      out.writeUTF(entry.getKey());
      out.writeUTF(entry.getValue());
    }
  }

  /** Adds the values written by {@link #write} from {@code in}. */
  public void read(DataInputView in) throws IOException {
    int size = in.readInt();
    if (size < 0) {
      throw new IOException("Corrupt input: a configuration of " + size + " entries.");
    }
    for (int i = 0; i < size; i++) {
      String key = in.readUTF();
      values.put(key, in.readUTF());
    }
  }

  private <T> T getRaw(String key, Class<T> type, T defaultValue) {
    String raw = values.get(key);
    return raw == null ? defaultValue : parse(type, key, raw);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Configuration other && values.equals(other.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }
}
