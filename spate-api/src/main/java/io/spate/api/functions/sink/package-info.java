/**
 * Flink's legacy sink functions, for programs that still use them: {@code DataStream.addSink} calls
 * a {@link io.spate.api.functions.sink.SinkFunction} for every record on the task's own thread. New
 * sinks should implement {@link io.spate.api.connector.sink.Sink}. Public.
 */
package io.spate.api.functions.sink;
