package io.spate.bench.nexmark.flink;

import io.spate.connectors.nexmark.Event;
import org.apache.flink.streaming.api.datastream.DataStream;

/** Nexmark q2 on Flink: bids on auctions whose id is a multiple of 123. */
final class Q2 implements FlinkNexmarkQuery {
  @Override
  public String name() {
    return "q2";
  }

  @Override
  public DataStream<?> build(DataStream<Event> events) {
    return FlinkEvents.bids(events).filter(io.spate.bench.nexmark.Q2::selected).name("q2 filter")
        .map(b -> new io.spate.bench.nexmark.Q2.Row(b.auction(), b.price()))
        .returns(io.spate.bench.nexmark.Q2.Row.class).name("q2");
  }
}
