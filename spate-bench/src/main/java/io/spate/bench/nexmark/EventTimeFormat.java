package io.spate.bench.nexmark;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The date and time formats the queries print event times in, always in UTC. Every engine's queries
 * call these, so the formatting costs the same in each.
 *
 * <p>{@link #day} and {@link #minute} print the digits themselves rather than going through
 * {@link DateTimeFormatter}: in JDK 17 formatting in a {@link ZoneOffset} builds a new
 * {@code ZoneRules} (with its own hash map) per call, most of the some 900 bytes q10 allocated per
 * event, so that q10 measured java.time more than the engines. The text is the same as the
 * formatters' ({@link #DAY}, {@link #MINUTE}) for every time; days outside the years 1 to 9999 go
 * through the formatter.
 */
public final class EventTimeFormat {

  public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
  public static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
  public static final long DAY_MILLIS = 86_400_000L;

  private static final long FIRST_PRINTED_DAY = LocalDate.of(1, 1, 1).toEpochDay();
  private static final long LAST_PRINTED_DAY = LocalDate.of(9999, 12, 31).toEpochDay();

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
    long epochDay = Math.floorDiv(epochMillis, DAY_MILLIS);
    if (epochDay < FIRST_PRINTED_DAY || epochDay > LAST_PRINTED_DAY) {
      return DAY.format(Instant.ofEpochMilli(epochMillis));
    }
    LocalDate date = LocalDate.ofEpochDay(epochDay);
    byte[] text = new byte[10];
    int year = date.getYear();
    digits(text, 0, year / 100);
    digits(text, 2, year % 100);
    text[4] = '-';
    digits(text, 5, date.getMonthValue());
    text[7] = '-';
    digits(text, 8, date.getDayOfMonth());
    return new String(text, StandardCharsets.ISO_8859_1);
  }

  /** The UTC hour and minute of {@code epochMillis}, as {@code HH:mm}. */
  public static String minute(long epochMillis) {
    int minuteOfDay = (int) (Math.floorMod(epochMillis, DAY_MILLIS) / 60_000L);
    byte[] text = new byte[5];
    digits(text, 0, minuteOfDay / 60);
    text[2] = ':';
    digits(text, 3, minuteOfDay % 60);
    return new String(text, StandardCharsets.ISO_8859_1);
  }

  /** The UTC hour of the day of {@code epochMillis}, 0 to 23. */
  public static int hour(long epochMillis) {
    return (int) (Math.floorMod(epochMillis, DAY_MILLIS) / 3_600_000L);
  }

  /** Writes {@code value}, 0 to 99, as two digits at {@code at}. */
  private static void digits(byte[] text, int at, int value) {
    text[at] = (byte) ('0' + value / 10);
    text[at + 1] = (byte) ('0' + value % 10);
  }
}
