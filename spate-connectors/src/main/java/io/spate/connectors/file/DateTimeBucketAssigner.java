package io.spate.connectors.file;

import io.spate.api.connector.source.SimpleVersionedSerializer;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * Buckets records by the processing time at which they are written, formatted by a {@link
 * DateTimeFormatter} pattern ({@code yyyy-MM-dd--HH} by default: one bucket per hour) in a time zone
 * (the system's by default).
 *
 * @param <IN> the record type
 */
public class DateTimeBucketAssigner<IN> implements BucketAssigner<IN, String> {

  private static final long serialVersionUID = 1L;

  private static final String DEFAULT_FORMAT_STRING = "yyyy-MM-dd--HH";

  private final String formatString;
  private final ZoneId zoneId;
  private transient DateTimeFormatter formatter;

  /** Hourly buckets, {@code yyyy-MM-dd--HH}, in the system's time zone. */
  public DateTimeBucketAssigner() {
    this(DEFAULT_FORMAT_STRING);
  }

  /** Buckets named by {@code formatString}, a {@link DateTimeFormatter} pattern, in the system's time zone. */
  public DateTimeBucketAssigner(String formatString) {
    this(formatString, ZoneId.systemDefault());
  }

  /** Hourly buckets, {@code yyyy-MM-dd--HH}, in {@code zoneId}. */
  public DateTimeBucketAssigner(ZoneId zoneId) {
    this(DEFAULT_FORMAT_STRING, zoneId);
  }

  /** Buckets named by {@code formatString}, a {@link DateTimeFormatter} pattern, in {@code zoneId}. */
  public DateTimeBucketAssigner(String formatString, ZoneId zoneId) {
    this.formatString = Objects.requireNonNull(formatString, "formatString");
    this.zoneId = Objects.requireNonNull(zoneId, "zoneId");
    try {
      this.formatter = DateTimeFormatter.ofPattern(formatString).withZone(zoneId);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("DateTimeBucketAssigner: '" + formatString
          + "' is not a valid date-time pattern: " + e.getMessage(), e);
    }
  }

  /** The processing time of {@code context}, formatted. */
  @Override
  public String getBucketId(IN element, BucketAssigner.Context context) {
    if (formatter == null) {
      formatter = DateTimeFormatter.ofPattern(formatString).withZone(zoneId);
    }
    return formatter.format(Instant.ofEpochMilli(context.currentProcessingTime()));
  }

  @Override
  public SimpleVersionedSerializer<String> getSerializer() {
    return SimpleVersionedStringSerializer.INSTANCE;
  }

  @Override
  public String toString() {
    return "DateTimeBucketAssigner{formatString='" + formatString + "', zoneId=" + zoneId + "}";
  }
}
