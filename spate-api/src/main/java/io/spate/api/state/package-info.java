/**
 * Keyed and operator state (value, list, map, reducing, aggregating, broadcast), their descriptors
 * and time-to-live, the state backends a job chooses and the RocksDB backend's options.
 * Public-evolving; {@link io.spate.api.state.CheckpointListener} is public.
 */
package io.spate.api.state;
