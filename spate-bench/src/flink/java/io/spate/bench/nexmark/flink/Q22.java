package io.spate.bench.nexmark.flink;

import io.spate.bench.nexmark.Q22.Row;
import io.spate.connectors.nexmark.Event;
import org.apache.flink.streaming.api.datastream.DataStream;

/** Nexmark q22 on Flink: every bid with the fourth to sixth '/'-separated parts of its URL. */
final class Q22 implements FlinkNexmarkQuery {
  @Override
  public String name() {
    return "q22";
  }

  @Override
  public DataStream<?> build(DataStream<Event> events) {
    return FlinkEvents.bids(events).map(Row::of).returns(Row.class).name("q22");
  }
}
