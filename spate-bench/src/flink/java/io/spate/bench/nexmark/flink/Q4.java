package io.spate.bench.nexmark.flink;

import io.spate.bench.nexmark.Q4.CategoryTotal;
import io.spate.bench.nexmark.Q4.Row;
import io.spate.connectors.nexmark.Event;
import org.apache.flink.streaming.api.datastream.DataStream;

/** Nexmark q4 on Flink: the running average winning price per category (integer quotient). */
final class Q4 implements FlinkNexmarkQuery {
  @Override
  public String name() {
    return "q4";
  }

  @Override
  public DataStream<?> build(DataStream<Event> events) {
    return WinningBids.of(events)
        .map(w -> new CategoryTotal(w.auction().category(), w.bid().price(), 1)).returns(CategoryTotal.class)
        .keyBy(CategoryTotal::category)
        .reduce((a, b) -> new CategoryTotal(a.category(), a.sum() + b.sum(), a.count() + b.count()))
        .map(t -> new Row(t.category(), t.sum() / t.count())).returns(Row.class).name("q4");
  }
}
