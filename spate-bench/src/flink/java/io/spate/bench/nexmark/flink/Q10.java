package io.spate.bench.nexmark.flink;

import io.spate.bench.nexmark.Q10.Row;
import io.spate.connectors.nexmark.Event;
import org.apache.flink.streaming.api.datastream.DataStream;

/** Nexmark q10 on Flink: every bid with its UTC day and minute, the partition columns of a file sink. */
final class Q10 implements FlinkNexmarkQuery {
  @Override
  public String name() {
    return "q10";
  }

  @Override
  public DataStream<?> build(DataStream<Event> events) {
    return FlinkEvents.bids(events)
        .map(Row::of)
        .returns(Row.class).name("q10");
  }
}
