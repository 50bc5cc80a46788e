package io.spate.api.eventtime;

import io.spate.api.annotation.Public;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * A statement that no more records with a timestamp at or below {@code timestamp} are expected.
 *
 * @param timestamp the event time up to which the stream is complete
 */
@Public
public record Watermark(long timestamp) implements Serializable {

  /** The watermark that ends event time: every timer and window fires. */
  public static final Watermark MAX_WATERMARK = new Watermark(Long.MAX_VALUE);

  /** The watermark before any: nothing is known yet, as Flink's legacy operators start. */
  public static final Watermark UNINITIALIZED = new Watermark(Long.MIN_VALUE);

  /** Same as {@link #timestamp()}, named as in Flink. */
  public long getTimestamp() {
    return timestamp;
  }

  /**
   * The timestamp read as epoch milliseconds, in the JVM's default time zone, formatted as {@code
   * yyyy-MM-dd HH:mm:ss.SSS}, as Flink formats it.
   */
  public String getFormattedTimestamp() {
    return FORMAT.format(Instant.ofEpochMilli(timestamp).atZone(ZoneId.systemDefault()));
  }

  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
}
