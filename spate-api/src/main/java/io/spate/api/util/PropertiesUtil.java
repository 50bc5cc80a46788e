package io.spate.api.util;

import io.spate.api.annotation.PublicEvolving;
import java.util.Properties;
import org.slf4j.Logger;

/** Typed reads of {@link Properties} with defaults, and flattening of their defaults. */
@PublicEvolving
public class PropertiesUtil {

  private PropertiesUtil() {}

  /** The int under {@code key}, {@code defaultValue} if absent; a value that is not an int fails naming the key. */
  public static int getInt(Properties config, String key, int defaultValue) {
    String value = config.getProperty(key);
    if (value == null) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Value for configuration key='" + key + "' is not set correctly. Entered"
          + " value='" + value + "'. Default value='" + defaultValue + "'");
    }
  }

  /** The long under {@code key}, {@code defaultValue} if absent; a value that is not a long fails naming the key. */
  public static long getLong(Properties config, String key, long defaultValue) {
    String value = config.getProperty(key);
    if (value == null) {
      return defaultValue;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Value for configuration key='" + key + "' is not set correctly. Entered"
          + " value='" + value + "'. Default value='" + defaultValue + "'");
    }
  }

  /** The long under {@code key}; a value that is not a long is logged as a warning and the default used. */
  public static long getLong(Properties config, String key, long defaultValue, Logger logger) {
    try {
      return getLong(config, key, defaultValue);
    } catch (IllegalArgumentException e) {
      logger.warn(e.getMessage());
      return defaultValue;
    }
  }

  /** The boolean under {@code key} ("true" in any case is true), {@code defaultValue} if absent. */
  public static boolean getBoolean(Properties config, String key, boolean defaultValue) {
    String value = config.getProperty(key);
    return value == null ? defaultValue : Boolean.parseBoolean(value.trim());
  }

  /** A copy of {@code config} with the values of its defaults (and theirs) as its own properties. */
  public static Properties flatten(Properties config) {
    Properties flat = new Properties();
    for (String name : config.stringPropertyNames()) {
      flat.setProperty(name, config.getProperty(name));
    }
    return flat;
  }
}
