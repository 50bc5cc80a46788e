package io.spate.api.metrics.reporter;

import io.spate.api.annotation.PublicEvolving;
import java.util.Properties;

/**
 * The options of one reporter: the {@code metrics.reporter.<name>.*} entries of the configuration,
 * with the prefix removed ({@code metrics.reporter.prom.port: 9249} arrives as {@code port}).
 */
@PublicEvolving
public class MetricConfig extends Properties {

  private static final long serialVersionUID = 1L;

  /** The string value of {@code key}, or {@code defaultValue} when unset. */
  public String getString(String key, String defaultValue) {
    return getProperty(key, defaultValue);
  }

  /**
   * The int value of {@code key}, or {@code defaultValue} when unset.
   *
   * @throws IllegalArgumentException naming the key, if the value is not an integer
   */
  public int getInteger(String key, int defaultValue) {
    String value = getProperty(key);
    if (value == null) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Reporter option '" + key + "' must be an integer; got '" + value + "'");
    }
  }

  /**
   * The long value of {@code key}, or {@code defaultValue} when unset.
   *
   * @throws IllegalArgumentException naming the key, if the value is not an integer
   */
  public long getLong(String key, long defaultValue) {
    String value = getProperty(key);
    if (value == null) {
      return defaultValue;
    }
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Reporter option '" + key + "' must be an integer; got '" + value + "'");
    }
  }

  /**
   * The boolean value of {@code key}, or {@code defaultValue} when unset.
   *
   * @throws IllegalArgumentException naming the key, if the value is neither true nor false
   */
  public boolean getBoolean(String key, boolean defaultValue) {
    String value = getProperty(key);
    if (value == null) {
      return defaultValue;
    }
    String v = value.strip();
    if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(v);
    }
    throw new IllegalArgumentException("Reporter option '" + key + "' must be true or false; got '" + value + "'");
  }
}
