package io.spate.bench.nexmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.RuntimeExecutionMode;
import io.spate.api.datastream.StreamExecutionEnvironment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * q12 counts in processing-time windows, so its rows depend on the clock: it is compared by each
 * bidder's total over all windows.
 */
class Q12Test {

  private final Q12 query = new Q12();

  @ParameterizedTest(name = "at parallelism {0}")
  @ValueSource(ints = {1, 2})
  void inBatchModeEveryWindowFiresAndTheTotalsPerBidderAreTheBaselines(int parallelism) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(parallelism);
    env.setRuntimeMode(RuntimeExecutionMode.BATCH);

    ResultFold<Q12.Row> actual = query.newFold(true);
    NexmarkQueriesTest.run(query, env).forEach(actual::add);

    assertThat(actual.rows()).containsExactlyInAnyOrderElementsOf(baseline().rows());
    assertThat(actual.summary()).isEqualTo(baseline().summary());
  }

  @ParameterizedTest(name = "at parallelism {0}")
  @ValueSource(ints = {1, 2})
  void inStreamingModeNoBidderIsCountedAboveItsBids(int parallelism) throws Exception {
    // as in Flink, windows still open when a bounded input ends never fire in STREAMING mode
    List<Q12.Row> rows = NexmarkQueriesTest.run(query,
        StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(parallelism));

    Map<Long, Long> totals = new HashMap<>();
    rows.forEach(row -> totals.merge(row.bidder(), row.bidCount(), Long::sum));
    Map<Long, Long> bids = new HashMap<>();
    baseline().rows().forEach(row -> bids.put(((Q12.BidderTotal) row).bidder(), ((Q12.BidderTotal) row).bidCount()));
    totals.forEach((bidder, total) -> assertThat(total).as("bidder %d", bidder).isLessThanOrEqualTo(bids.get(bidder)));
    assertThat(rows).allSatisfy(row -> {
      assertThat(row.bidCount()).isPositive();
      assertThat(row.windowEnd() - row.windowStart()).isEqualTo(Q12.WINDOW.toMillis());
    });
  }

  private ResultFold<Q12.Row> baseline() {
    ResultFold<Q12.Row> expected = query.newFold(true);
    query.baseline(TestEvents.all(), expected::add);
    return expected;
  }
}
