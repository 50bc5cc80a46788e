package io.spate.api.util;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.windowing.time.Time;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses and prints durations as configuration values write them: a whole number and a unit, such as
 * {@code "10 s"}, {@code "1min"} or {@code "500ms"}.
 */
@PublicEvolving
public final class TimeUtils {

  /**
   * Each unit with its labels; the first label is the one {@link #formatWithHighestUnit} prints. The
   * words also take a plural "s", the abbreviations do not ("ms" is milliseconds, not many "m").
   */
  private enum Unit {
    DAYS(ChronoUnit.DAYS, List.of("d"), List.of("day")),
    HOURS(ChronoUnit.HOURS, List.of("h"), List.of("hour")),
    MINUTES(ChronoUnit.MINUTES, List.of("min", "m"), List.of("minute")),
    SECONDS(ChronoUnit.SECONDS, List.of("s"), List.of("sec", "second")),
    MILLISECONDS(ChronoUnit.MILLIS, List.of("ms"), List.of("milli", "millisecond")),
    MICROSECONDS(ChronoUnit.MICROS, List.of("µs"), List.of("micro", "microsecond")),
    NANOSECONDS(ChronoUnit.NANOS, List.of("ns"), List.of("nano", "nanosecond"));

    final ChronoUnit unit;
    final List<String> labels = new ArrayList<>();

    Unit(ChronoUnit unit, List<String> abbreviations, List<String> words) {
      this.unit = unit;
      labels.addAll(abbreviations);
      for (String word : words) {
        labels.add(word);
        labels.add(word + "s");
      }
    }
  }

  /** Flink's class has a public constructor; an instance has no use, as every method is static. */
  public TimeUtils() {}

  /**
   * The duration {@code text} describes: a non-negative whole number, optionally followed by a unit
   * (d, day(s); h, hour(s); min, m, minute(s); s, sec(s), second(s); ms, milli(s), millisecond(s);
   * µs, micro(s), microsecond(s); ns, nano(s), nanosecond(s); case ignored), milliseconds if there is
   * none; or an ISO-8601 duration such as {@code PT10S}.
   *
   * @throws NumberFormatException if {@code text} does not start with a number, or it does not fit a long
   * @throws IllegalArgumentException naming the unit if it is not one of the above
   */
  public static Duration parseDuration(String text) {
    Preconditions.checkNotNull(text, "The duration text must not be null.");
    String trimmed = text.trim();
    Preconditions.checkArgument(!trimmed.isEmpty(), "The duration text must not be empty.");
    if (trimmed.charAt(0) == 'P' || trimmed.charAt(0) == 'p') {
      try {
        return Duration.parse(trimmed);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 duration such as PT10S.", e);
      }
    }
    int digits = 0;
    while (digits < trimmed.length() && Character.isDigit(trimmed.charAt(digits))
        && trimmed.charAt(digits) < 128) {
      digits++;
    }
    if (digits == 0) {
      throw new NumberFormatException("The duration '" + text + "' does not start with a number.");
    }
    long value;
    try {
      value = Long.parseLong(trimmed.substring(0, digits));
    } catch (NumberFormatException e) {
      throw new NumberFormatException("The number of the duration '" + text + "' does not fit in 64 bits.");
    }
    String label = trimmed.substring(digits).trim().toLowerCase(Locale.ROOT);
    if (label.isEmpty()) {
      return Duration.ofMillis(value);
    }
    for (Unit unit : Unit.values()) {
      if (unit.labels.contains(label)) {
        try {
          return Duration.of(value, unit.unit);
        } catch (ArithmeticException e) {
          throw new IllegalArgumentException("The duration '" + text + "' is longer than a Duration can hold.", e);
        }
      }
    }
    throw new IllegalArgumentException("The unit '" + label + "' of the duration '" + text
        + "' is none of " + allLabels() + ".");
  }

  /**
   * {@code duration} in the largest unit that divides it exactly, as {@code "<count> <unit>"} (for
   * example {@code "90 s"}, {@code "2 min"}); {@link #parseDuration} reads it back.
   */
  public static String formatWithHighestUnit(Duration duration) {
    Preconditions.checkNotNull(duration, "The duration must not be null.");
    for (Unit unit : Unit.values()) {
      Duration one = unit.unit.getDuration();
      if (one.getSeconds() > 0) {
        if (duration.getNano() == 0 && duration.getSeconds() % one.getSeconds() == 0) {
          return duration.getSeconds() / one.getSeconds() + " " + unit.labels.get(0);
        }
      } else if (duration.getNano() % one.getNano() == 0) {
        long perSecond = 1_000_000_000L / one.getNano();
        long count = Math.addExact(
            Math.multiplyExact(duration.getSeconds(), perSecond), duration.getNano() / one.getNano());
        return count + " " + unit.labels.get(0);
      }
    }
    throw new IllegalStateException("Every duration is a whole number of nanoseconds: " + duration);
  }

  /** {@code duration} as {@code "<milliseconds>ms"}. */
  public static String getStringInMillis(Duration duration) {
    return duration.toMillis() + "ms";
  }

  private static List<String> allLabels() {
    List<String> labels = new ArrayList<>();
    for (Unit unit : Unit.values()) {
      labels.addAll(unit.labels);
    }
    return labels;
  }

  /** {@code time} as a {@link Duration}; null stays null. */
  public static Duration toDuration(Time time) {
    return time == null ? null : Duration.of(time.getSize(), time.getUnit().toChronoUnit());
  }
}
