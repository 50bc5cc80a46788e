package io.spate.bench.nexmark.flink;

import io.spate.bench.nexmark.Q14.Row;
import io.spate.connectors.nexmark.Bid;
import io.spate.connectors.nexmark.Event;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.util.Collector;

/** Nexmark q14 on Flink: bids with euro price in (1e6, 5e7), their UTC part of day and count of 'c' in extra. */
final class Q14 implements FlinkNexmarkQuery {
  @Override
  public String name() {
    return "q14";
  }

  @Override
  public DataStream<?> build(DataStream<Event> events) {
    return FlinkEvents.bids(events).flatMap((Bid bid, Collector<Row> out) -> {
      Row row = io.spate.bench.nexmark.Q14.convert(bid);
      if (row != null) {
        out.collect(row);
      }
    }).returns(Row.class).name("q14");
  }
}
