/**
 * State snapshots: state handles, checkpoint output streams and the snapshot of an operator's
 * subtask. Internal, like all of spate-runtime except {@code io.spate.testing}.
 */
package io.spate.runtime.state.snapshot;
