package io.spate.table.runtime.operators.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * {@link WindowZone} gives the wall-clock time {@code java.time} gives for an instant, whatever order the
 * instants come in (its cached offset never leaks across a transition), and back from a wall-clock time the
 * earliest instant that shows it, or for a time the clock skips, one a gap later.
 */
class WindowZonePropertyTest {

  // Summer times north and south, a half-hour one, fixed offsets of odd minutes, and UTC.
  private static final List<ZoneId> ZONES = List.of(ZoneId.of("America/New_York"), ZoneId.of("Europe/Berlin"),
      ZoneId.of("Australia/Sydney"), ZoneId.of("Australia/Lord_Howe"), ZoneId.of("Asia/Kathmandu"),
      ZoneId.of("Asia/Shanghai"), ZoneOffset.UTC);

  // 2020-01-01 to 2026-01-01, around and across many transitions.
  private static final Gen<Long> INSTANTS = SourceDSL.longs().between(1_577_836_800_000L, 1_767_225_600_000L);

  private static long localMillis(long epochMillis, ZoneId zone) {
    return LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), zone).toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  @Test
  void theLocalTimeIsJavaTimesInAnyOrder() {
    qt().withFixedSeed(20261128L).withExamples(300)
        .forAll(SourceDSL.integers().between(0, ZONES.size() - 1), SourceDSL.lists().of(INSTANTS).ofSizeBetween(1, 40))
        .checkAssert((zoneIndex, instants) -> {
          ZoneId zone = ZONES.get(zoneIndex);
          WindowZone windows = new WindowZone(zone);
          for (long instant : instants) {
            assertThat(windows.toLocal(instant)).as("%s in %s", Instant.ofEpochMilli(instant), zone)
                .isEqualTo(localMillis(instant, zone));
          }
        });
  }

  @Test
  void backFromTheLocalTimeIsTheEarliestInstantShowingIt() {
    qt().withFixedSeed(20261129L).withExamples(2000)
        .forAll(SourceDSL.integers().between(0, ZONES.size() - 1), INSTANTS)
        .checkAssert((zoneIndex, instant) -> {
          ZoneId zone = ZONES.get(zoneIndex);
          WindowZone windows = new WindowZone(zone);
          long local = windows.toLocal(instant);
          long back = windows.toEpoch(local);
          assertThat(windows.toLocal(back)).as("the instant back shows the same time").isEqualTo(local);
          assertThat(back).as("no earlier instant than the one back shows it").isLessThanOrEqualTo(instant);
          // The clock goes back by at most a few hours (an hour in practice): an earlier instant is one that
          // the time repeats at, which java.time's earlier offset gives.
          LocalDateTime wallClock = LocalDateTime.ofInstant(Instant.ofEpochMilli(instant), zone);
          assertThat(back).isEqualTo(wallClock.atZone(zone).withEarlierOffsetAtOverlap().toInstant().toEpochMilli());
        });
  }

  @Test
  void aSkippedTimeGoesBackOneGapLater() {
    WindowZone newYork = new WindowZone(ZoneId.of("America/New_York"));
    // 2024-03-10 02:30 never shows in New York: the clock goes from 01:59:59.999 EST to 03:00 EDT.
    long skipped = LocalDateTime.of(2024, 3, 10, 2, 30).toInstant(ZoneOffset.UTC).toEpochMilli();
    assertThat(Instant.ofEpochMilli(newYork.toEpoch(skipped))).isEqualTo(Instant.parse("2024-03-10T07:30:00Z"));
    // 2024-11-03 01:30 shows twice; the earlier is 05:30Z (EDT), the later 06:30Z (EST).
    long twice = LocalDateTime.of(2024, 11, 3, 1, 30).toInstant(ZoneOffset.UTC).toEpochMilli();
    assertThat(Instant.ofEpochMilli(newYork.toEpoch(twice))).isEqualTo(Instant.parse("2024-11-03T05:30:00Z"));
  }

  /**
   * A processing-time window ending at wall-clock time {@code w} closes at the last instant at which the
   * clock reaches {@code w} going forward (shows {@code w} or later after showing an earlier time): the
   * second time it shows a repeated time, and the instant it jumps to for a time it skips. The instants
   * where the clock can reach {@code w} are {@code w} less one of the zone's offsets, or a transition.
   */
  @Test
  void aProcessingTimeWindowClosesWhenTheClockLastReachesItsEnd() {
    qt().withFixedSeed(20261130L).withExamples(3000)
        .forAll(SourceDSL.integers().between(0, ZONES.size() - 1), INSTANTS,
            SourceDSL.integers().between(-3 * 3600, 3 * 3600))
        .checkAssert((zoneIndex, instant, shiftSeconds) -> {
          ZoneId zone = ZONES.get(zoneIndex);
          WindowZone windows = new WindowZone(zone);
          // A whole-minute wall-clock time near a transition half of the time, anywhere otherwise.
          ZoneRules rules = zone.getRules();
          ZoneOffsetTransition next = rules.nextTransition(Instant.ofEpochMilli(instant));
          long near = next != null && shiftSeconds % 2 == 0 ? next.getInstant().toEpochMilli() : instant;
          long w = Math.floorDiv(windows.toLocal(near) + shiftSeconds * 1000L, 60_000L) * 60_000L;
          long closing = windows.closingInstant(w);
          long expected = Long.MIN_VALUE;
          Instant from = Instant.ofEpochMilli(w - 2 * 86_400_000L);
          List<Long> candidates = new java.util.ArrayList<>();
          for (ZoneOffsetTransition t = rules.nextTransition(from); t != null
              && t.getInstant().toEpochMilli() < w + 2 * 86_400_000L; t = rules.nextTransition(t.getInstant())) {
            candidates.add(t.getInstant().toEpochMilli());
            candidates.add(w - t.getOffsetBefore().getTotalSeconds() * 1000L);
            candidates.add(w - t.getOffsetAfter().getTotalSeconds() * 1000L);
          }
          candidates.add(w - rules.getOffset(Instant.ofEpochMilli(w)).getTotalSeconds() * 1000L);
          for (long candidate : candidates) {
            if (localMillis(candidate - 1, zone) < w && localMillis(candidate, zone) >= w) {
              expected = Math.max(expected, candidate);
            }
          }
          assertThat(closing).as("end %s in %s", Instant.ofEpochMilli(w), zone).isEqualTo(expected);
        });
  }
}
