/**
 * Checkpointing as a job configures and uses it: {@link io.spate.api.checkpoint.CheckpointConfig},
 * the checkpointing mode, retention of completed checkpoints, and {@link
 * io.spate.api.checkpoint.CheckpointedFunction} for functions with operator state of their own.
 * Mostly public; the statistics are public-evolving and the restore record is internal.
 */
package io.spate.api.checkpoint;
