/**
 * Checkpoints from the JobMaster's side: the {@code CheckpointCoordinator} that injects barriers
 * and completes, aborts and subsumes checkpoints, their metadata and store, and the assignment of
 * restored state to subtasks. Internal, like all of spate-runtime except {@code io.spate.testing}.
 */
package io.spate.runtime.checkpoint;
