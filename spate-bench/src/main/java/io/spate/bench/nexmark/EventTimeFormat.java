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
