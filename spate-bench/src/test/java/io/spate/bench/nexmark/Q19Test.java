package io.spate.bench.nexmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.datastream.CloseableIterator;
import io.spate.connectors.nexmark.NexmarkSource;
import io.spate.connectors.nexmark.Bid;
import io.spate.connectors.nexmark.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** q19 ranks bids that are equal in every field one after another, as ROW_NUMBER does. */
class Q19Test {

  @Test
  void identicalBidsTakeConsecutiveRanks() throws Exception {
    Bid twin = new Bid(1, 7, 500, "Google", "u", 1_000, "");
    List<Event> events = List.of(Event.of(new Bid(1, 8, 900, "Apple", "u", 1_000, "")), Event.of(twin),
        Event.of(new Bid(1, 9, 100, "Baidu", "u", 1_001, "")), Event.of(twin), Event.of(twin));
    Q19 query = new Q19();
    ResultFold<Q19.Row> expected = query.newFold(true);
    query.baseline(events, expected::add);

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(1);
    DataStream<Event> stream = env.fromData(events, NexmarkSource.eventType())
        .assignTimestampsAndWatermarks(NexmarkWatermarks.boundedOutOfOrderness(Duration.ZERO));
    ResultFold<Q19.Row> actual = query.newFold(true);
    List<Q19.Row> rows = new ArrayList<>();
    try (CloseableIterator<Q19.Row> it = query.build(stream).executeAndCollect("q19 twins")) {
      it.forEachRemaining(rows::add);
    }
    rows.forEach(actual::add);

    assertThat(expected.rows()).hasSize(5);
    assertThat(actual.rows()).containsExactlyInAnyOrderElementsOf(expected.rows());
  }
}
