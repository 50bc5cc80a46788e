package io.spate.bench.nexmark.flink;

import io.spate.bench.nexmark.Q21.Row;
import io.spate.connectors.nexmark.Bid;
import io.spate.connectors.nexmark.Event;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.util.Collector;

/** Nexmark q21 on Flink: bids with their channel's id, fixed for four channels, else from the URL. */
final class Q21 implements FlinkNexmarkQuery {

  @Override
  public String name() {
    return "q21";
  }

  @Override
  public DataStream<?> build(DataStream<Event> events) {
    return FlinkEvents.bids(events).flatMap((Bid bid, Collector<Row> out) -> {
      Row row = io.spate.bench.nexmark.Q21.withChannelId(bid);
      if (row != null) {
        out.collect(row);
      }
    }).returns(Row.class).name("q21");
  }
}
