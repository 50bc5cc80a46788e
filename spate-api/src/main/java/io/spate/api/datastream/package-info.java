/**
 * The DataStream API: {@link io.spate.api.datastream.StreamExecutionEnvironment}, {@link
 * io.spate.api.datastream.DataStream}, {@link io.spate.api.datastream.KeyedStream}, windowed,
 * connected, joined and broadcast streams. The core streams are public; async I/O, broadcast,
 * interval joins and multiple inputs are public-evolving.
 */
package io.spate.api.datastream;
