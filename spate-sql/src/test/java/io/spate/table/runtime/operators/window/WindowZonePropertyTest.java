package io.spate.table.runtime.operators.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
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
}
