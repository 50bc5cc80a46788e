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
import java.util.List;
import java.util.Objects;

/**
 * The session time zone in which windows over a {@code TIMESTAMP_LTZ} time column (an event time or
 * processing time) are aligned, as in Flink: a day's window starts at local midnight, and {@code
 * window_start} and {@code window_end} are that zone's wall-clock times. The window operators run on
 * local time: each row's instant becomes its local time ({@link #toLocal}), the watermarks too, and the
 * window ends go back to instants for {@code window_time} and the watermarks after the window ({@link
 * #toEpoch}); processing-time windows close at {@link #closingInstant}.
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
  // Likewise for the closing instants of processing-time windows.
  private transient Long lastClosingLocal;
  private transient long lastClosingEpoch;

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
    return ZonedDateTime.ofLocal(localDateTime(localMillis), zone, null).toInstant().toEpochMilli();
  }

  /**
   * The instant at which a processing-time window that ends at {@code localMillis} on the zone's wall clock
   * closes: the last instant at which the clock, going forward, reaches that time. Where it shows the time
   * twice (the hour a summer time ends) that is the second time, so the window holds both occurrences of
   * the repeated times, as Flink's timers do; where it skips the time (the hour a summer time starts), the
   * instant it skips at.
   */
  public long closingInstant(long localMillis) {
    if (lastClosingLocal != null && lastClosingLocal == localMillis) {
      return lastClosingEpoch;
    }
    LocalDateTime local = localDateTime(localMillis);
    ZoneRules zoneRules = rules();
    List<ZoneOffset> offsets = zoneRules.getValidOffsets(local);
    if (offsets.size() == 1) {
      lastClosingEpoch = local.toInstant(offsets.get(0)).toEpochMilli();
    } else if (offsets.isEmpty()) {
      lastClosingEpoch = zoneRules.getTransition(local).getInstant().toEpochMilli();
    } else {
      ZoneOffsetTransition transition = zoneRules.getTransition(local);
      long later = local.toInstant(transition.getOffsetAfter()).toEpochMilli();
      // The first repeated time, which the clock goes back to, is one it reached just before.
      lastClosingEpoch = later == transition.getInstant().toEpochMilli()
          ? local.toInstant(transition.getOffsetBefore()).toEpochMilli() : later;
    }
    lastClosingLocal = localMillis;
    return lastClosingEpoch;
  }

  private static LocalDateTime localDateTime(long localMillis) {
    return LocalDateTime.ofEpochSecond(Math.floorDiv(localMillis, 1000L),
        (int) Math.floorMod(localMillis, 1000L) * 1_000_000, ZoneOffset.UTC);
  }

  private ZoneRules rules() {
    if (rules == null) {
      rules = zone.getRules();
    }
    return rules;
  }

  private void cacheOffsetAt(long epochMillis) {
    ZoneRules zoneRules = rules();
    Instant instant = Instant.ofEpochMilli(epochMillis);
    offsetMillis = zoneRules.getOffset(instant).getTotalSeconds() * 1000L;
    ZoneOffsetTransition previous = zoneRules.previousTransition(instant.plusMillis(1));
    ZoneOffsetTransition next = zoneRules.nextTransition(instant);
    validFrom = previous == null ? Long.MIN_VALUE : previous.getInstant().toEpochMilli();
    validUntil = next == null ? Long.MAX_VALUE : next.getInstant().toEpochMilli();
  }

  @Override
  public String toString() {
    return zone.getId();
  }
}
