package io.spate.bench.nexmark.flink;

import io.spate.connectors.nexmark.Event;
import org.apache.flink.streaming.api.datastream.DataStream;

/** Nexmark q1 on Flink: every bid with its price in euros. */
final class Q1 implements FlinkNexmarkQuery {
  @Override
  public String name() {
    return "q1";
  }

  @Override
  public DataStream<?> build(DataStream<Event> events) {
    return FlinkEvents.bids(events)
        .map(io.spate.bench.nexmark.Q1.Row::of)
        .returns(io.spate.bench.nexmark.Q1.Row.class).name("q1");
  }
}
