package io.spate.table.runtime.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Reusing the last millisecond's time value is invisible: every value equals a fresh conversion. */
class LastTimestampPropertyTest {

  /**
   * Runs of repeated milliseconds, some before 1970, as a source's consecutive records have them: each
   * run a start and a length, with the next run near the last (or far from it).
   */
  private static Gen<List<Long>> millis() {
    Gen<long[]> run = longs().between(-5_000_000_000_000L, 5_000_000_000_000L)
        .zip(integers().between(1, 5), (start, length) -> new long[] {start, length});
    return lists().of(run).ofSizeBetween(1, 20).map(runs -> {
      List<Long> out = new ArrayList<>();
      long previous = 0;
      for (long[] r : runs) {
        long value = Math.abs(r[0]) % 3 == 0 ? previous + r[1] - 2 : r[0];
        for (int i = 0; i < r[1]; i++) {
          out.add(value);
        }
        previous = value;
      }
      return out;
    });
  }

  @Test
  void timestampsEqualFreshConversions() {
    qt().withFixedSeed(20261128L).withExamples(300).forAll(millis()).checkAssert(values -> {
      LastTimestamp times = new LastTimestamp();
      for (long millis : values) {
        assertThat(times.toLocalDateTime(millis)).isEqualTo(EpochMillis.toLocalDateTime(millis))
            .isEqualTo(LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), java.time.ZoneOffset.UTC));
      }
    });
  }

  @Test
  void localZonedTimestampsEqualFreshInstantsAndReadTheSameInEveryZone() {
    List<ZoneId> zones = List.of(ZoneId.of("UTC"), ZoneId.of("Asia/Kolkata"), ZoneId.of("America/Los_Angeles"));
    qt().withFixedSeed(20261129L).withExamples(300).forAll(millis()).checkAssert(values -> {
      LastTimestamp times = new LastTimestamp();
      for (long millis : values) {
        Object time = times.toTime(millis, false);
        assertThat(time).isEqualTo(Instant.ofEpochMilli(millis));
        for (ZoneId zone : zones) {
          assertThat(LocalDateTime.ofInstant((Instant) time, zone))
              .isEqualTo(LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), zone));
        }
      }
    });
  }

  @Test
  void bothKindsInterleavedKeepTheirOwnLastValue() {
    qt().withFixedSeed(20261130L).withExamples(200).forAll(millis()).checkAssert(values -> {
      LastTimestamp times = new LastTimestamp();
      for (int i = 0; i < values.size(); i++) {
        long millis = values.get(i);
        boolean local = i % 3 != 1;
        assertThat(times.toTime(millis, local)).isEqualTo(EpochMillis.toTime(millis, local));
      }
    });
  }

  @Test
  void aRepeatedMillisecondGetsTheSameObject() {
    LastTimestamp times = new LastTimestamp();
    LocalDateTime first = times.toLocalDateTime(1_700_000_000_123L);
    assertThat(times.toLocalDateTime(1_700_000_000_123L)).isSameAs(first);
    assertThat(times.toLocalDateTime(1_700_000_000_124L)).isNotSameAs(first);
  }
}
