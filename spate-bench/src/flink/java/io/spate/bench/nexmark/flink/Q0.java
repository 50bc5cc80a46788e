package io.spate.bench.nexmark.flink;

import io.spate.connectors.nexmark.Event;
import org.apache.flink.streaming.api.datastream.DataStream;

/** Nexmark q0 on Flink: every bid, projected. */
final class Q0 implements FlinkNexmarkQuery {
  @Override
  public String name() {
    return "q0";
  }

  @Override
  public DataStream<?> build(DataStream<Event> events) {
    return FlinkEvents.bids(events)
        .map(io.spate.bench.nexmark.Q0.Row::of)
        .returns(io.spate.bench.nexmark.Q0.Row.class).name("q0");
  }
}
