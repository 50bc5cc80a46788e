package io.spate.api.checkpoint;

import io.spate.api.annotation.Public;

/** Which checkpoint a {@link CheckpointedFunction} is snapshotting for. */
@Public
public interface FunctionSnapshotContext {

  /** The id of the checkpoint; ids grow with every checkpoint of a job. */
  long getCheckpointId();

  /** When the JobMaster triggered the checkpoint, in epoch milliseconds. */
  long getCheckpointTimestamp();
}
