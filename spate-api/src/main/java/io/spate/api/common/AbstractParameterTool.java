package io.spate.api.common;

import io.spate.api.annotation.Public;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The typed getters that {@link ParameterTool} and {@link MultipleParameterTool} share: a value is
 * read as a string and converted, and a missing required key or a value that is not of the asked
 * type is an error that names the key.
 */
@Public
public abstract class AbstractParameterTool extends ExecutionConfig.GlobalJobParameters implements Cloneable {

  private static final long serialVersionUID = 1L;

  /** The value of a key given without one, such as {@code --verbose}. */
  public static final String NO_VALUE_KEY = "__NO_VALUE_KEY";

  /** The value {@code createPropertiesFile} writes for a key that was read without a default. */
  public static final String DEFAULT_UNDEFINED = "<undefined>";

  // Plain collections, read and written only while holding this tool's lock: the subtasks of a job
  // in one process share the job's global parameters, and the concurrent collections do not pass
  // the filter through which a cluster reads the job it is sent.

  /** The keys read so far, with the default each was read with (for {@code createPropertiesFile}). */
  protected final Map<String, String> defaultData = new HashMap<>();

  /** The keys not read yet by any getter or {@link #has}. */
  protected final Set<String> unrequestedParameters = new HashSet<>();

  /** How many keys there are. */
  public abstract int getNumberOfParameters();

  /** The value of {@code key}, or null if it is absent. */
  public abstract String get(String key);

  /** Whether {@code key} is present, with or without a value. */
  public abstract boolean has(String key);

  @Override
  public abstract Map<String, String> toMap();

  @Override
  protected abstract Object clone() throws CloneNotSupportedException;

  /** The keys that no getter and no {@link #has} asked for yet: misspelt or unused parameters. */
  public synchronized Set<String> getUnrequestedParameters() {
    return Collections.unmodifiableSet(new HashSet<>(unrequestedParameters));
  }

  /** Notes as asked for here every key of {@code keys} that was asked for from {@code source}. */
  void takeRequestsFrom(AbstractParameterTool source, Set<String> keys) {
    Set<String> requested = new HashSet<>(keys);
    synchronized (source) {
      requested.removeAll(source.unrequestedParameters);
    }
    requested.forEach(this::markRequested);
  }

  /** Notes that {@code key} was asked for. */
  protected synchronized void markRequested(String key) {
    unrequestedParameters.remove(key);
  }

  /** The value of {@code key}, or {@code defaultValue} if it is absent. */
  public String get(String key, String defaultValue) {
    addToDefaults(key, defaultValue);
    String value = get(key);
    return value == null ? defaultValue : value;
  }

  /**
   * The value of {@code key}.
   *
   * @throws RuntimeException naming the key if it is absent
   */
  public String getRequired(String key) {
    addToDefaults(key, null);
    String value = get(key);
    if (value == null) {
      throw new RuntimeException("No data for required key '" + key + "'");
    }
    return value;
  }

  /** The value of {@code key} as an int; a missing key or a value that is not an int is an error naming the key. */
  public int getInt(String key) {
    return parse(key, getRequired(key), "an int", Integer::parseInt);
  }

  /** The value of {@code key} as an int, or {@code defaultValue} if it is absent. */
  public int getInt(String key, int defaultValue) {
    String value = optional(key, Integer.toString(defaultValue));
    return value == null ? defaultValue : parse(key, value, "an int", Integer::parseInt);
  }

  /** The value of {@code key} as a long; a missing key or a value that is not a long is an error naming the key. */
  public long getLong(String key) {
    return parse(key, getRequired(key), "a long", Long::parseLong);
  }

  /** The value of {@code key} as a long, or {@code defaultValue} if it is absent. */
  public long getLong(String key, long defaultValue) {
    String value = optional(key, Long.toString(defaultValue));
    return value == null ? defaultValue : parse(key, value, "a long", Long::parseLong);
  }

  /** The value of {@code key} as a float; a missing key or a malformed value is an error naming the key. */
  public float getFloat(String key) {
    return parse(key, getRequired(key), "a float", Float::parseFloat);
  }

  /** The value of {@code key} as a float, or {@code defaultValue} if it is absent. */
  public float getFloat(String key, float defaultValue) {
    String value = optional(key, Float.toString(defaultValue));
    return value == null ? defaultValue : parse(key, value, "a float", Float::parseFloat);
  }

  /** The value of {@code key} as a double; a missing key or a malformed value is an error naming the key. */
  public double getDouble(String key) {
    return parse(key, getRequired(key), "a double", Double::parseDouble);
  }

  /** The value of {@code key} as a double, or {@code defaultValue} if it is absent. */
  public double getDouble(String key, double defaultValue) {
    String value = optional(key, Double.toString(defaultValue));
    return value == null ? defaultValue : parse(key, value, "a double", Double::parseDouble);
  }

  /**
   * The value of {@code key} as a boolean: {@code true} or {@code false} in any case, and true for a
   * key given without a value ({@code --verbose}); anything else is an error naming the key.
   */
  public boolean getBoolean(String key) {
    return bool(key, getRequired(key));
  }

  /** The value of {@code key} as a boolean (see {@link #getBoolean(String)}), or {@code defaultValue} if it is absent. */
  public boolean getBoolean(String key, boolean defaultValue) {
    String value = optional(key, Boolean.toString(defaultValue));
    return value == null ? defaultValue : bool(key, value);
  }

  /** The value of {@code key} as a short; a missing key or a value that is not a short is an error naming the key. */
  public short getShort(String key) {
    return parse(key, getRequired(key), "a short", Short::parseShort);
  }

  /** The value of {@code key} as a short, or {@code defaultValue} if it is absent. */
  public short getShort(String key, short defaultValue) {
    String value = optional(key, Short.toString(defaultValue));
    return value == null ? defaultValue : parse(key, value, "a short", Short::parseShort);
  }

  /** The value of {@code key} as a byte; a missing key or a value that is not a byte is an error naming the key. */
  public byte getByte(String key) {
    return parse(key, getRequired(key), "a byte", Byte::parseByte);
  }

  /** The value of {@code key} as a byte, or {@code defaultValue} if it is absent. */
  public byte getByte(String key, byte defaultValue) {
    String value = optional(key, Byte.toString(defaultValue));
    return value == null ? defaultValue : parse(key, value, "a byte", Byte::parseByte);
  }

  /**
   * Remembers that {@code key} was read, with {@code value} as its default (null for none), for
   * {@code createPropertiesFile}; a later read with a default fills in an undefined one.
   */
  protected synchronized void addToDefaults(String key, String value) {
    defaultData.merge(key, value == null ? DEFAULT_UNDEFINED : value,
        (current, given) -> current.equals(DEFAULT_UNDEFINED) ? given : current);
  }

  private String optional(String key, String defaultValue) {
    addToDefaults(key, defaultValue);
    return get(key);
  }

  private static <T> T parse(String key, String value, String what, Function<String, T> parser) {
    try {
      return parser.apply(value.trim());
    } catch (NumberFormatException e) {
      String shown = NO_VALUE_KEY.equals(value) ? "no value" : "'" + value + "'";
      throw new NumberFormatException("Parameter '" + key + "' has " + shown + ", which is not " + what + ".");
    }
  }

  private static boolean bool(String key, String value) {
    if (NO_VALUE_KEY.equals(value)) {
      return true;
    }
    String trimmed = value.trim().toLowerCase(Locale.ROOT);
    if (trimmed.equals("true") || trimmed.equals("false")) {
      return Boolean.parseBoolean(trimmed);
    }
    throw new IllegalArgumentException(
        "Parameter '" + key + "' has '" + value + "', which is not a boolean: expected true or false.");
  }
}
