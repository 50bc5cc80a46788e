package io.spate.table.api.bridge.java;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import io.spate.table.api.EnvironmentSettings;
import io.spate.table.api.Schema;
import io.spate.table.api.Table;
import io.spate.table.connector.ChangelogMode;
import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Intervals between DataStreams and tables, as Flink converts them: a stream's {@link Duration} and {@link Period}
 * fields become interval columns ({@code INTERVAL SECOND(9)} and {@code INTERVAL YEAR(4) TO MONTH}), and interval
 * columns, also inside rows and arrays, come back as {@code Duration} and {@code Period}.
 */
class IntervalStreamsE2ETest {

  private static StreamTableEnvironment leases(StreamExecutionEnvironment env) {
    env.setParallelism(1);
    StreamTableEnvironment tEnv = StreamTableEnvironment.create(env, EnvironmentSettings.inStreamingMode());
    DataStream<Row> leases = env.fromData(List.of(Row.of("a", Duration.ofMinutes(90), Period.ofMonths(14)),
        Row.of("b", Duration.ofSeconds(-5), Period.ofYears(2))), Types.ROW_NAMED(new String[] {"name", "grace", "term"},
        Types.STRING, Types.GENERIC(Duration.class), Types.GENERIC(Period.class)));
    tEnv.createTemporaryView("leases", leases);
    return tEnv;
  }

  @Test
  void durationAndPeriodFieldsBecomeIntervalColumnsAsFlinkTypesThem() throws Exception {
    StreamTableEnvironment tEnv = leases(StreamExecutionEnvironment.getExecutionEnvironment());
    List<String> columns = new ArrayList<>();
    try (var described = tEnv.executeSql("DESCRIBE leases").collect()) {
      described.forEachRemaining(r -> columns.add(r.getField(0) + " " + r.getField(1)));
    }
    assertThat(columns).containsExactly("name STRING", "grace INTERVAL SECOND(9)", "term INTERVAL YEAR(4) TO MONTH");
    // The query computes in milliseconds and months and gives Flink's classes back: a Period of months.
    List<Row> rows = tEnv.toDataStream(tEnv.sqlQuery("SELECT name, grace + INTERVAL '1' SECOND, term * 2"
        + " FROM leases")).executeAndCollect(10);
    assertThat(rows).containsExactly(Row.of("a", Duration.ofMinutes(90).plusSeconds(1), Period.ofMonths(28)),
        Row.of("b", Duration.ofSeconds(-4), Period.ofMonths(48)));
    // Unchanged values come back equal to what went in, 2 years as 24 months.
    assertThat(tEnv.toDataStream(tEnv.from("leases")).executeAndCollect(10)).containsExactly(
        Row.of("a", Duration.ofMinutes(90), Period.ofMonths(14)), Row.of("b", Duration.ofSeconds(-5),
            Period.ofMonths(24)));
  }

  @Test
  void changelogStreamsAndNestedIntervalsComeBackAsDurationsAndPeriods() throws Exception {
    StreamTableEnvironment tEnv = leases(StreamExecutionEnvironment.getExecutionEnvironment());
    List<Row> nested = tEnv.toChangelogStream(tEnv.sqlQuery("SELECT ROW(name, grace), ARRAY[term] FROM leases"))
        .executeAndCollect(10);
    assertThat(nested).hasSize(2);
    assertThat(nested.get(0).getField(0)).isEqualTo(Row.of("a", Duration.ofMinutes(90)));
    assertThat(nested.get(0).getField(1)).isInstanceOf(Period[].class)
        .isEqualTo(new Period[] {Period.ofMonths(14)});
    List<Row> upserts = tEnv.toChangelogStream(tEnv.sqlQuery("SELECT name, MAX(grace) AS g FROM leases GROUP BY name"),
        Schema.newBuilder().column("name", "STRING").column("g", "INTERVAL SECOND(3)").build(),
        ChangelogMode.upsert()).executeAndCollect(10);
    assertThat(upserts).extracting(r -> r.getField(1))
        .containsExactlyInAnyOrder(Duration.ofMinutes(90), Duration.ofSeconds(-5));
  }

  @Test
  void declaredIntervalColumnsTakeDurationsAndPeriodsOfOtherPrecisions() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    StreamTableEnvironment tEnv = StreamTableEnvironment.create(env, EnvironmentSettings.inStreamingMode());
    DataStream<Row> rows = env.fromData(List.of(Row.of(1, Duration.ofHours(1), Period.ofMonths(3))),
        Types.ROW_NAMED(new String[] {"id", "d", "p"}, Types.INT, Types.GENERIC(Duration.class),
            Types.GENERIC(Period.class)));
    Table table = tEnv.fromDataStream(rows, Schema.newBuilder().column("id", "INT")
        .column("d", "INTERVAL DAY TO SECOND(3)").column("p", "INTERVAL YEAR TO MONTH").build());
    assertThat(tEnv.toDataStream(table).executeAndCollect(10))
        .containsExactly(Row.of(1, Duration.ofHours(1), Period.ofMonths(3)));
  }

  /** A POJO with interval fields, as a Flink program would declare it. */
  public static class Lease {
    public String name;
    public Duration grace;
    public Period term;

    public Lease() {}

    Lease(String name, Duration grace, Period term) {
      this.name = name;
      this.grace = grace;
      this.term = term;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Lease l && java.util.Objects.equals(name, l.name) && java.util.Objects.equals(grace, l.grace)
          && java.util.Objects.equals(term, l.term);
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(name, grace, term);
    }

    @Override
    public String toString() {
      return name + "/" + grace + "/" + term;
    }
  }

  /** A record with interval fields. */
  public record Renewal(String name, Duration grace, Period term) {}

  @Test
  void pojosAndRecordsWithDurationAndPeriodFieldsGoThroughTablesBothWays() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    StreamTableEnvironment tEnv = StreamTableEnvironment.create(env, EnvironmentSettings.inStreamingMode());
    DataStream<Lease> leases = env.fromData(new Lease("a", Duration.ofMinutes(90), Period.ofMonths(14)),
        new Lease("b", Duration.ofSeconds(-5), Period.ofYears(2)));
    tEnv.createTemporaryView("pojo_leases", leases);
    List<String> columns = new ArrayList<>();
    try (var described = tEnv.executeSql("DESCRIBE pojo_leases").collect()) {
      described.forEachRemaining(r -> columns.add(r.getField(0) + " " + r.getField(1)));
    }
    assertThat(columns).containsExactlyInAnyOrder("name STRING", "grace INTERVAL SECOND(9)",
        "term INTERVAL YEAR(4) TO MONTH");
    // 90 min + 1 h = 150 min; 14 months * 2 = 28 months; 2 years are 24 months, doubled 48.
    Table doubled = tEnv.sqlQuery("SELECT name, grace + INTERVAL '1' HOUR AS grace, term * 2 AS term FROM pojo_leases");
    assertThat(tEnv.toDataStream(doubled, Lease.class).executeAndCollect(10)).containsExactly(
        new Lease("a", Duration.ofMinutes(150), Period.ofMonths(28)),
        new Lease("b", Duration.ofMinutes(60).minusSeconds(5), Period.ofMonths(48)));
    DataStream<Renewal> renewals = env.fromData(new Renewal("c", Duration.ofDays(2), Period.ofMonths(6)));
    assertThat(tEnv.toDataStream(tEnv.fromDataStream(renewals), Renewal.class).executeAndCollect(10))
        .containsExactly(new Renewal("c", Duration.ofDays(2), Period.ofMonths(6)));
  }
}
