package io.spate.table.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.datastream.CloseableIterator;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.Watermark;
import io.spate.api.eventtime.WatermarkGenerator;
import io.spate.api.eventtime.WatermarkOutput;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import io.spate.table.api.bridge.java.StreamTableEnvironment;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Window aggregates over a {@code TIMESTAMP_LTZ} event time are aligned in the session's time zone, as in
 * Flink: a day's window runs from local midnight to local midnight (23 or 25 hours on the days a summer time
 * starts or ends), {@code window_start} and {@code window_end} are that zone's wall-clock times and {@code
 * window_time} the instant before the window's end. Each case compares the windows of random instants with
 * those {@code java.time} gives for their wall-clock times.
 */
class SqlLtzWindowZoneE2ETest {

  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  /** Random instants from 2024-03-08 to 2024-11-05 in New York, both summer-time changes in between, sorted. */
  private static List<Long> instants(long seed, int count) {
    Random random = new Random(seed);
    long from = Instant.parse("2024-03-08T00:00:00Z").toEpochMilli();
    long to = Instant.parse("2024-11-05T00:00:00Z").toEpochMilli();
    List<Long> instants = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      instants.add(from + (long) (random.nextDouble() * (to - from)));
    }
    // Dense around the changes: 2024-03-10 02:00 EST skips to 03:00, 2024-11-03 02:00 EDT goes back to 01:00.
    for (String around : List.of("2024-03-10T07:00:00Z", "2024-11-03T06:00:00Z")) {
      long change = Instant.parse(around).toEpochMilli();
      for (int i = 0; i < count / 4; i++) {
        instants.add(change - 3 * 3_600_000L + (long) (random.nextDouble() * 6 * 3_600_000L));
      }
    }
    instants.sort(null);
    return instants;
  }

  /**
   * A session in New York with the view {@code events (ms BIGINT, ts TIMESTAMP_LTZ(3) *ROWTIME*)} of {@code
   * instants}, in order, whose watermark follows each row (one millisecond behind): windows close while the
   * rows come, so a window closed by the wrong clock would drop rows as late.
   */
  private StreamTableEnvironment session(List<Long> instants) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
    tEnv.getConfig().set("table.local-time-zone", NEW_YORK.getId());
    DataStream<Long> stream = env.fromData(instants, Types.LONG)
        .assignTimestampsAndWatermarks(WatermarkStrategy.<Long>forGenerator(ctx -> new EveryRow())
            .withTimestampAssigner((ms, previous) -> ms));
    tEnv.createTemporaryView("raw", stream, Schema.newBuilder()
        .columnByMetadata("rowtime", "TIMESTAMP_LTZ(3)")
        .watermark("rowtime", "SOURCE_WATERMARK()")
        .build());
    tEnv.executeSql("CREATE TEMPORARY VIEW events AS SELECT f0 AS ms, rowtime AS ts FROM raw");
    return tEnv;
  }

  /** A watermark a millisecond behind each row. */
  private static final class EveryRow implements WatermarkGenerator<Long> {
    @Override
    public void onEvent(Long ms, long timestamp, WatermarkOutput output) {
      output.emitWatermark(new Watermark(timestamp - 1));
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {}
  }

  private static List<Row> rows(TableEnvironment tEnv, String query) throws Exception {
    List<Row> rows = new ArrayList<>();
    try (CloseableIterator<Row> iterator = tEnv.executeSql(query).collect()) {
      iterator.forEachRemaining(rows::add);
    }
    return rows;
  }

  private static LocalDateTime wallClock(long instant) {
    return LocalDateTime.ofInstant(Instant.ofEpochMilli(instant), NEW_YORK);
  }

  /** The instant before the one at which New York's clock shows {@code end} (the earlier one if it shows it twice). */
  private static Instant windowTime(LocalDateTime end) {
    return end.atZone(NEW_YORK).withEarlierOffsetAtOverlap().toInstant().minusMillis(1);
  }

  /** One row per window: start, end, window_time and count, from each instant's window start. */
  private static List<Row> expected(List<Long> instants, java.util.function.Function<LocalDateTime, LocalDateTime>
      start, Duration size) {
    Map<LocalDateTime, Long> counts = instants.stream().collect(Collectors.groupingBy(
        i -> start.apply(wallClock(i)), TreeMap::new, Collectors.counting()));
    List<Row> rows = new ArrayList<>();
    counts.forEach((windowStart, count) -> rows.add(Row.of(windowStart, windowStart.plus(size),
        windowTime(windowStart.plus(size)), count)));
    return rows;
  }

  @Test
  void dailyWindowsRunFromLocalMidnightToLocalMidnight() throws Exception {
    List<Long> instants = instants(1, 3_000);
    StreamTableEnvironment tEnv = session(instants);
    List<Row> expected = expected(instants, t -> t.truncatedTo(ChronoUnit.DAYS), Duration.ofDays(1));

    List<Row> tvf = rows(tEnv, "SELECT window_start, window_end, window_time, COUNT(*) FROM TABLE(TUMBLE(TABLE events,"
        + " DESCRIPTOR(ts), INTERVAL '1' DAY)) GROUP BY window_start, window_end, window_time");
    List<Row> legacy = rows(tEnv, "SELECT TUMBLE_START(ts, INTERVAL '1' DAY), TUMBLE_END(ts, INTERVAL '1' DAY),"
        + " TUMBLE_ROWTIME(ts, INTERVAL '1' DAY), COUNT(*) FROM events GROUP BY TUMBLE(ts, INTERVAL '1' DAY)");

    assertThat(tvf).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(legacy).containsExactlyInAnyOrderElementsOf(expected);
    // The day the summer time starts has 23 hours, the day it ends 25: the windows' instants show it.
    Row shortDay = tvf.stream().filter(r -> r.getField(0).equals(LocalDateTime.of(2024, 3, 10, 0, 0))).findFirst()
        .orElseThrow();
    assertThat(shortDay.getField(2)).isEqualTo(Instant.parse("2024-03-11T03:59:59.999Z"));
    assertThat(tvf).anySatisfy(r -> assertThat(r.getField(1)).isInstanceOf(LocalDateTime.class));
  }

  @Test
  void hoppingAndCumulatingHoursFollowTheWallClockAcrossBothChanges() throws Exception {
    List<Long> instants = instants(2, 2_000);
    StreamTableEnvironment tEnv = session(instants);

    List<Row> hop = rows(tEnv, "SELECT window_start, window_end, window_time, COUNT(*) FROM TABLE(HOP(TABLE events,"
        + " DESCRIPTOR(ts), INTERVAL '1' HOUR, INTERVAL '2' HOUR)) GROUP BY window_start, window_end, window_time");
    List<Row> expectedHop = new ArrayList<>(expected(instants, t -> t.truncatedTo(ChronoUnit.HOURS),
        Duration.ofHours(2)));
    // Each instant is in the window of its hour and in the one starting an hour before.
    List<Row> earlier = expected(instants, t -> t.truncatedTo(ChronoUnit.HOURS).minusHours(1), Duration.ofHours(2));
    Map<LocalDateTime, Row> merged = new TreeMap<>();
    for (Row row : expectedHop) {
      merged.put((LocalDateTime) row.getField(0), row);
    }
    for (Row row : earlier) {
      merged.merge((LocalDateTime) row.getField(0), row, (a, b) -> Row.of(a.getField(0), a.getField(1),
          a.getField(2), (Long) a.getField(3) + (Long) b.getField(3)));
    }
    assertThat(hop).containsExactlyInAnyOrderElementsOf(merged.values());

    List<Row> cumulate = rows(tEnv, "SELECT window_start, window_end, window_time, COUNT(*) FROM TABLE(CUMULATE("
        + "TABLE events, DESCRIPTOR(ts), INTERVAL '12' HOUR, INTERVAL '1' DAY))"
        + " GROUP BY window_start, window_end, window_time");
    // Each instant is in its day's window and, before local noon, in the window of the day's first half.
    Map<List<LocalDateTime>, Long> counts = new TreeMap<>((a, b) -> a.get(0).equals(b.get(0))
        ? a.get(1).compareTo(b.get(1)) : a.get(0).compareTo(b.get(0)));
    for (long instant : instants) {
      LocalDateTime day = wallClock(instant).truncatedTo(ChronoUnit.DAYS);
      counts.merge(List.of(day, day.plusDays(1)), 1L, Long::sum);
      if (wallClock(instant).isBefore(day.plusHours(12))) {
        counts.merge(List.of(day, day.plusHours(12)), 1L, Long::sum);
      }
    }
    List<Row> expectedCumulate = new ArrayList<>();
    counts.forEach((window, count) -> expectedCumulate.add(Row.of(window.get(0), window.get(1),
        windowTime(window.get(1)), count)));
    assertThat(cumulate).containsExactlyInAnyOrderElementsOf(expectedCumulate);
  }

  @Test
  void aWindowOverTheWindowTimesOfHourlyWindowsSeesEveryHourOnce() throws Exception {
    List<Long> instants = instants(3, 2_000);
    StreamTableEnvironment tEnv = session(instants);
    tEnv.executeSql("CREATE VIEW hourly AS SELECT window_time AS hour_time, COUNT(*) AS c FROM TABLE(TUMBLE("
        + "TABLE events, DESCRIPTOR(ts), INTERVAL '1' HOUR)) GROUP BY window_start, window_end, window_time");
    List<Row> daily = rows(tEnv, "SELECT window_start, window_end, window_time, SUM(c) FROM TABLE(TUMBLE(TABLE hourly,"
        + " DESCRIPTOR(hour_time), INTERVAL '1' DAY)) GROUP BY window_start, window_end, window_time");
    assertThat(daily).containsExactlyInAnyOrderElementsOf(expected(instants, t -> t.truncatedTo(ChronoUnit.DAYS),
        Duration.ofDays(1)));
  }

  @Test
  void inUtcTheWindowsAreThoseOfTheInstants() throws Exception {
    List<Long> instants = instants(4, 500);
    StreamTableEnvironment tEnv = session(instants);
    tEnv.getConfig().set("table.local-time-zone", "UTC");
    List<Row> daily = rows(tEnv, "SELECT window_start, window_end, window_time, COUNT(*) FROM TABLE(TUMBLE(TABLE events,"
        + " DESCRIPTOR(ts), INTERVAL '1' DAY)) GROUP BY window_start, window_end, window_time");
    Map<LocalDateTime, Long> counts = instants.stream().collect(Collectors.groupingBy(
        i -> LocalDateTime.ofInstant(Instant.ofEpochMilli(i), ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS),
        TreeMap::new, Collectors.counting()));
    List<Row> expected = new ArrayList<>();
    counts.forEach((start, count) -> expected.add(Row.of(start, start.plusDays(1),
        start.plusDays(1).toInstant(ZoneOffset.UTC).minusMillis(1), count)));
    assertThat(daily).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void aWindowTopNAJoinOfWindowsAndAFilteredWindowAggregateUseTheLocalDays() throws Exception {
    List<Long> instants = instants(5, 1_500);
    StreamTableEnvironment tEnv = session(instants);
    tEnv.executeSql("CREATE VIEW days AS SELECT * FROM TABLE(TUMBLE(TABLE events, DESCRIPTOR(ts), INTERVAL '1' DAY))");
    Map<LocalDateTime, List<Long>> byDay = instants.stream().collect(Collectors.groupingBy(
        i -> wallClock(i).truncatedTo(ChronoUnit.DAYS), TreeMap::new, Collectors.toList()));

    // The last two instants of each local day.
    List<Row> top = rows(tEnv, "SELECT window_start, ms FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start,"
        + " window_end ORDER BY ms DESC) AS rn FROM days) WHERE rn <= 2");
    List<Row> expectedTop = new ArrayList<>();
    byDay.forEach((day, list) -> list.stream().sorted((a, b) -> Long.compare(b, a)).limit(2)
        .forEach(ms -> expectedTop.add(Row.of(day, ms))));
    assertThat(top).containsExactlyInAnyOrderElementsOf(expectedTop);

    // Even and odd instants per local day, joined on their windows.
    List<Row> joined = rows(tEnv, "SELECT e.window_start, e.c, o.c FROM (SELECT window_start, window_end, COUNT(*) AS c"
        + " FROM days WHERE ms % 2 = 0 GROUP BY window_start, window_end) e JOIN (SELECT window_start, window_end,"
        + " COUNT(*) AS c FROM days WHERE ms % 2 = 1 GROUP BY window_start, window_end) o"
        + " ON e.window_start = o.window_start AND e.window_end = o.window_end");
    List<Row> expectedJoin = new ArrayList<>();
    byDay.forEach((day, list) -> {
      long even = list.stream().filter(ms -> ms % 2 == 0).count();
      if (even > 0 && even < list.size()) {
        expectedJoin.add(Row.of(day, even, list.size() - even));
      }
    });
    assertThat(joined).containsExactlyInAnyOrderElementsOf(expectedJoin);

    // A filter between the window function and the aggregate: the plain window aggregate.
    List<Row> filtered = rows(tEnv, "SELECT window_start, window_end, window_time, COUNT(*) FROM days"
        + " WHERE ms % 3 = 0 GROUP BY window_start, window_end, window_time");
    assertThat(filtered).containsExactlyInAnyOrderElementsOf(expected(instants.stream().filter(ms -> ms % 3 == 0)
        .toList(), t -> t.truncatedTo(ChronoUnit.DAYS), Duration.ofDays(1)));
  }

  @Test
  void theSessionFunctionsRowsCarryTheirSessionsInLocalTime() throws Exception {
    // July only: New York is at UTC-4 throughout, so a session of the wall clock is one of the instants.
    Random random = new Random(6);
    long from = Instant.parse("2024-07-01T00:00:00Z").toEpochMilli();
    List<Long> instants = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      instants.add(from + (long) (random.nextDouble() * 3 * 86_400_000L));
    }
    instants.sort(null);
    StreamTableEnvironment tEnv = session(instants);
    List<Row> rows = rows(tEnv, "SELECT ms, window_start, window_end, window_time FROM TABLE(SESSION(TABLE events,"
        + " DESCRIPTOR(ts), INTERVAL '30' MINUTE))");
    List<Row> expected = new ArrayList<>();
    int first = 0;
    for (int i = 1; i <= instants.size(); i++) {
      if (i == instants.size() || instants.get(i) - instants.get(i - 1) >= 30 * 60_000L) {
        LocalDateTime start = wallClock(instants.get(first));
        LocalDateTime end = wallClock(instants.get(i - 1)).plusMinutes(30);
        for (int j = first; j < i; j++) {
          expected.add(Row.of(instants.get(j), start, end, windowTime(end)));
        }
        first = i;
      }
    }
    assertThat(rows).containsExactlyInAnyOrderElementsOf(expected);
  }
}
