package io.spate.bench.nexmark;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The date and time formats the queries print event times in, always in UTC. */
public final class EventTimeFormat {

  public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
  public static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
  public static final long DAY_MILLIS = 86_400_000L;

  private EventTimeFormat() {}

  /**
   * Formats one time in each format; every runner calls it before its job starts. Flink's runtime
   * loads java.time's formatter for its own use at start-up and Spate's does not, so q15's one row,
   * formatted when the input ends, paid some 5 ms of class loading in Spate's run alone: a
   * difference between the two JVMs' histories, not between the engines, in a query whose p99 is
   * that one row.
   */
  public static void loadBeforeAJob() {
    day(0);
    minute(0);
  }

  /** The UTC day of {@code epochMillis}, as {@code yyyy-MM-dd}. */
  public static String day(long epochMillis) {
    return DAY.format(Instant.ofEpochMilli(epochMillis));
  }

  /** The UTC hour and minute of {@code epochMillis}, as {@code HH:mm}. */
  public static String minute(long epochMillis) {
    return MINUTE.format(Instant.ofEpochMilli(epochMillis));
  }

  /** The UTC hour of the day of {@code epochMillis}, 0 to 23. */
  public static int hour(long epochMillis) {
    return (int) (Math.floorMod(epochMillis, DAY_MILLIS) / 3_600_000L);
  }
}
