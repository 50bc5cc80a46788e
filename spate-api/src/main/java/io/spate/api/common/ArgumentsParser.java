package io.spate.api.common;

import java.util.Arrays;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * Reads command-line arguments the way Flink's parameter tools do: {@code --key value} or {@code
 * -key value}; a key followed by another key, or by nothing, has no value; a negative number is a
 * value, not a key.
 */
final class ArgumentsParser {

  private static final Pattern NUMBER = Pattern.compile(
      "[+-]?(0[xX][0-9a-fA-F]+|(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?[dDfFlL]?)");

  private ArgumentsParser() {}

  /** Hands each key and its value ({@link AbstractParameterTool#NO_VALUE_KEY} for none) to {@code sink}, in order. */
  static void parse(String[] args, BiConsumer<String, String> sink) {
    if (args == null) {
      throw new NullPointerException("The arguments must not be null.");
    }
    int i = 0;
    while (i < args.length) {
      String key = keyAt(args, i);
      i++;
      if (i < args.length && isValue(args[i])) {
        sink.accept(key, args[i]);
        i++;
      } else {
        sink.accept(key, AbstractParameterTool.NO_VALUE_KEY);
      }
    }
  }

  private static boolean isValue(String arg) {
    return !arg.startsWith("-") || NUMBER.matcher(arg).matches();
  }

  private static String keyAt(String[] args, int i) {
    String arg = args[i];
    String key;
    if (arg.startsWith("--")) {
      key = arg.substring(2);
    } else if (arg.startsWith("-")) {
      key = arg.substring(1);
    } else {
      throw new IllegalArgumentException("Error parsing arguments " + Arrays.toString(args) + " at '" + arg
          + "' (argument " + (i + 1) + "): expected a key starting with -- or -; a key takes at most one value.");
    }
    if (key.isEmpty()) {
      throw new IllegalArgumentException("Error parsing arguments " + Arrays.toString(args)
          + ": argument " + (i + 1) + " ('" + arg + "') is a key prefix without a key.");
    }
    return key;
  }
}
