package io.spate.bench.nexmark.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.bench.nexmark.NexmarkQueries;
import io.spate.bench.nexmark.NexmarkQuery;
import io.spate.table.api.TableException;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Nexmark query's SQL, run on Spate, gives the same result (the same {@link
 * io.spate.bench.nexmark.ResultSummary}) as its DataStream version on the same events.
 */
class NexmarkSqlEqualityTest {

  /** 20 000 events at 2 000 events/s of event time: 10 s, several windows of every size but a day. */
  private static final long EVENTS = 20_000;
  private static final double EVENT_RATE = 2_000;
  private static final int PARALLELISM = 2;

  /** Queries with a test of their own below. */
  private static final Set<String> APART = Set.of("q6", "q12");

  @TempDir
  Path dir;

  static Stream<String> queries() {
    return NexmarkQueries.all().stream().map(NexmarkQuery::name).filter(q -> !APART.contains(q));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queries")
  void theSqlVersionGivesTheDataStreamVersionsResult(String query) throws Exception {
    RunResult dataStream = SpateNexmarkRunner.run(options(query, "spate"));
    RunResult sql = SpateSqlNexmarkRunner.run(options(query, "spate-sql"));

    assertThat(dataStream.resultCount()).as("the DataStream version finds rows").isPositive();
    assertThat(sql.engine()).isEqualTo("spate-sql");
    assertThat(sql.resultCount()).as("rows").isEqualTo(dataStream.resultCount());
    assertThat(sql.resultChecksum()).as("checksum").isEqualTo(dataStream.resultChecksum());
  }

  @Test
  @Disabled("q6 needs an OVER aggregate over the updating result of a GROUP BY (the winning bids), which"
      + " Spate SQL refuses as Flink SQL does: 'An OVER aggregate does not support consuming update changes'")
  void q6GivesTheDataStreamVersionsResult() throws Exception {
    theSqlVersionGivesTheDataStreamVersionsResult("q6");
  }

  @Test
  void q6IsRefusedNamingTheMissingFeature() {
    assertThatThrownBy(() -> SpateSqlNexmarkRunner.run(options("q6", "spate-sql")))
        .isInstanceOf(TableException.class)
        .hasMessageContaining("OVER aggregate does not support consuming update changes");
  }

  /**
   * q12's windows are of processing time: which of them close before a short bounded job ends
   * depends on the clock, in SQL as in the DataStream version (see {@link io.spate.bench.nexmark.Q12}),
   * so a run finds at most one total per bidder that bid.
   */
  @Test
  void q12RunsWithProcessingTimeWindows() throws Exception {
    RunResult baseline = BaselineNexmarkRunner.run(options("q12", "baseline"));
    RunResult sql = SpateSqlNexmarkRunner.run(options("q12", "spate-sql"));

    assertThat(sql.isError()).isFalse();
    assertThat(sql.resultCount()).isBetween(0L, baseline.resultCount());
  }

  private RunnerOptions options(String query, String engine) {
    String name = query + "-" + engine;
    return new RunnerOptions(query, EVENTS, PARALLELISM, "hashmap", 0, dir.resolve(name), 0,
        dir.resolve(name + ".json"), EVENT_RATE, 0, false);
  }
}
