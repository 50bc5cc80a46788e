package io.spate.bench.nexmark.flink;

import io.spate.connectors.nexmark.Event;
import org.apache.flink.streaming.api.datastream.DataStream;

/** Nexmark q9 on Flink: every auction with its winning bid, emitted when it closes in event time. */
final class Q9 implements FlinkNexmarkQuery {
  @Override
  public String name() {
    return "q9";
  }

  @Override
  public DataStream<?> build(DataStream<Event> events) {
    return WinningBids.of(events);
  }
}
