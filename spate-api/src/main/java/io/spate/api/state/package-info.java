/**
 * Keyed and operator state (value, list, map, reducing, aggregating, broadcast), their descriptors
 * and time-to-live, and the state backends a job chooses. Public-evolving; {@link
 * io.spate.api.state.CheckpointListener} is public.
 */
package io.spate.api.state;
