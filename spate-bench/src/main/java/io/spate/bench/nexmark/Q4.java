package io.spate.bench.nexmark;

import io.spate.api.datastream.DataStream;
import io.spate.connectors.nexmark.Event;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Nexmark q4, average price for a category: the average winning price of the closed auctions of
 * each category. Each closed auction updates its category's average, so the output is a stream of
 * updates keyed by category; the result is the last row per category. The average is the integer
 * quotient, as SQL's AVG of a BIGINT column.
 */
public final class Q4 implements NexmarkQuery<Q4.Row> {

  /** A category's average winning price so far. */
  public record Row(long category, long averagePrice) {}

  /** The running sum and count of a category's winning prices. */
  public record CategoryTotal(long category, long sum, long count) {}

  @Override
  public String name() {
    return "q4";
  }

  @Override
  public DataStream<Row> build(DataStream<Event> events) {
    return WinningBids.of(events)
        .map(w -> new CategoryTotal(w.auction().category(), w.bid().price(), 1)).returns(CategoryTotal.class)
        .keyBy(CategoryTotal::category)
        .reduce((a, b) -> new CategoryTotal(a.category(), a.sum() + b.sum(), a.count() + b.count()))
        .map(t -> new Row(t.category(), t.sum() / t.count())).returns(Row.class).name("q4");
  }

  @Override
  public void baseline(Iterable<Event> events, Consumer<? super Row> out) {
    Map<Long, long[]> totals = new HashMap<>();
    WinningBids.baseline(events, w -> {
      long[] t = totals.computeIfAbsent(w.auction().category(), c -> new long[2]);
      t[0] += w.bid().price();
      t[1]++;
    });
    totals.forEach((category, t) -> out.accept(new Row(category, t[0] / t[1])));
  }

  @Override
  public ResultFold<Row> newFold(boolean keepRows) {
    return ResultFold.upsert(Row::category);
  }
}
