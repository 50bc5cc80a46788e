package io.spate.bench.nexmark.flink;

import io.spate.connectors.nexmark.Event;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * One Nexmark query on Flink's DataStream API, emitting the output rows of Spate's query of the same
 * name so that both results fold to comparable summaries.
 */
public interface FlinkNexmarkQuery {

  /** The query's name, such as {@code q5}. */
  String name();

  /** Adds the query to a stream of events with timestamps and watermarks assigned and returns its output. */
  DataStream<?> build(DataStream<Event> events);
}
