package io.spate.table.runtime.operators.window;

import io.spate.api.annotation.Internal;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Objects;

/**
 * The session time zone in which windows over a {@code TIMESTAMP_LTZ} time column are aligned, as in
 * Flink: a day's window starts at local midnight, and {@code window_start} and {@code window_end} are
 * that zone's wall-clock times. The window operators run on local time: each row's instant becomes
 * its local time ({@link #toLocal}), the watermarks too, and the window ends go back to instants for
 * {@code window_time} and the watermarks after the window ({@link #toEpoch}).
 */
@Internal
public final class WindowZone implements Serializable {

  private static final long serialVersionUID = 1L;

  private final ZoneId zone;
  // The offset of the last instant converted, and the instants [validFrom, validUntil) it holds for:
  // rows come mostly in time order, and an offset holds for months.
  private transient ZoneRules rules;
  private transient long offsetMillis;
  private transient long validFrom = Long.MAX_VALUE;
  private transient long validUntil = Long.MIN_VALUE;
  // The last wall-clock time converted back (null before the first) and its instant: the rows of one
  // window share their end.
  private transient Long lastLocal;
  private transient long lastEpoch;

  /** Windows aligned in {@code zone}. */
  public WindowZone(ZoneId zone) {
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  /** The zone. */
  public ZoneId zone() {
    return zone;
  }

  /** Whether the zone's wall-clock time differs from UTC at some instant, so that watermarks must move to it. */
  public boolean shifts() {
    ZoneRules zoneRules = zone.getRules();
    return !zoneRules.isFixedOffset() || zoneRules.getOffset(Instant.EPOCH).getTotalSeconds() != 0;
  }

  /** The wall-clock time in the zone at instant {@code epochMillis}, as milliseconds of a UTC timestamp. */
  public long toLocal(long epochMillis) {
    if (epochMillis < validFrom || epochMillis >= validUntil) {
      cacheOffsetAt(epochMillis);
    }
    return epochMillis + offsetMillis;
  }

  /**
   * The instant at which the zone's wall clock shows {@code localMillis}: the earlier one where it shows that
   * time twice (the hour a summer time ends), and one later by the gap's length where it never shows it (the
   * hour a summer time starts), as {@link ZonedDateTime#ofLocal} resolves them.
   */
  public long toEpoch(long localMillis) {
    if (lastLocal != null && lastLocal == localMillis) {
      return lastEpoch;
    }
    lastEpoch = resolve(localMillis);
    lastLocal = localMillis;
    return lastEpoch;
  }

  private long resolve(long localMillis) {
    LocalDateTime local = LocalDateTime.ofEpochSecond(Math.floorDiv(localMillis, 1000L),
        (int) Math.floorMod(localMillis, 1000L) * 1_000_000, ZoneOffset.UTC);
    return ZonedDateTime.ofLocal(local, zone, null).toInstant().toEpochMilli();
  }

  private void cacheOffsetAt(long epochMillis) {
    if (rules == null) {
      rules = zone.getRules();
    }
    Instant instant = Instant.ofEpochMilli(epochMillis);
    offsetMillis = rules.getOffset(instant).getTotalSeconds() * 1000L;
    ZoneOffsetTransition previous = rules.previousTransition(instant.plusMillis(1));
    ZoneOffsetTransition next = rules.nextTransition(instant);
    validFrom = previous == null ? Long.MIN_VALUE : previous.getInstant().toEpochMilli();
    validUntil = next == null ? Long.MAX_VALUE : next.getInstant().toEpochMilli();
  }

  @Override
  public String toString() {
    return zone.getId();
  }
}
