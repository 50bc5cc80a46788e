package io.spate.examples;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The parsed {@code --name value} options of an example, with typed, validated access. */
public final class ExampleArgs {

  private final String usage;
  private final Map<String, String> values;

  private ExampleArgs(String usage, Map<String, String> values) {
    this.usage = usage;
    this.values = values;
  }

  /**
   * Parses {@code args} as {@code --name value} or {@code --name=value} pairs of the given options;
   * {@code --help} or {@code -h} anywhere asks for the usage.
   */
  public static ExampleArgs parse(String[] args, String usage, String... options) throws UsageException {
    Set<String> known = Set.copyOf(Arrays.asList(options));
    Map<String, String> values = new HashMap<>();
    for (String arg : args) {
      if (arg.equals("--help") || arg.equals("-h")) {
        throw UsageException.helpRequest(usage);
      }
    }
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw UsageException.wrongArguments("Unexpected argument '" + arg + "'.", usage);
      }
      String name = arg;
      String value;
      int equals = arg.indexOf('=');
      if (equals > 0) {
        name = arg.substring(0, equals);
        value = arg.substring(equals + 1);
      } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
        value = args[++i];
      } else {
        value = null;
      }
      if (!known.contains(name)) {
        throw UsageException.wrongArguments("Unknown option '" + name + "'.", usage);
      }
      if (value == null) {
        throw UsageException.wrongArguments("Option '" + name + "' needs a value.", usage);
      }
      if (values.put(name, value) != null) {
        throw UsageException.wrongArguments("Option '" + name + "' is given more than once.", usage);
      }
    }
    return new ExampleArgs(usage, values);
  }

  /** The value of a required option. */
  public String required(String option) throws UsageException {
    String value = values.get(option);
    if (value == null || value.isBlank()) {
      throw UsageException.wrongArguments("Missing required option '" + option + "'.", usage);
    }
    return value;
  }

  /** The value of an option, or {@code defaultValue}. */
  public String get(String option, String defaultValue) {
    return values.getOrDefault(option, defaultValue);
  }

  /** Whether the option was given. */
  public boolean has(String option) {
    return values.containsKey(option);
  }

  /** The value of an option as a number of at least {@code min}, or {@code defaultValue}. */
  public long getLong(String option, long defaultValue, long min) throws UsageException {
    String value = values.get(option);
    if (value == null) {
      return defaultValue;
    }
    long number;
    try {
      number = Long.parseLong(value.replace("_", ""));
    } catch (NumberFormatException e) {
      throw UsageException.wrongArguments(
          "Option '" + option + "' needs a whole number, but was '" + value + "'.", usage);
    }
    if (number < min) {
      throw UsageException.wrongArguments(
          "Option '" + option + "' must be at least " + min + ", but was " + number + ".", usage);
    }
    return number;
  }

  /** The value of an option as an int of at least {@code min}, or {@code defaultValue}. */
  public int getInt(String option, int defaultValue, int min) throws UsageException {
    long number = getLong(option, defaultValue, min);
    if (number > Integer.MAX_VALUE) {
      throw UsageException.wrongArguments(
          "Option '" + option + "' must be at most " + Integer.MAX_VALUE + ", but was " + number + ".", usage);
    }
    return (int) number;
  }

  /** The value of an option, which must be one of {@code choices} (in any case), or {@code defaultValue}. */
  public String getChoice(String option, String defaultValue, String... choices) throws UsageException {
    String value = values.get(option);
    if (value == null) {
      return defaultValue;
    }
    String normalized = value.toLowerCase(Locale.ROOT);
    if (!List.of(choices).contains(normalized)) {
      throw UsageException.wrongArguments("Option '" + option + "' must be one of "
          + String.join(", ", choices) + ", but was '" + value + "'.", usage);
    }
    return normalized;
  }
}
