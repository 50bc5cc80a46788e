package io.spate.api.checkpoint;

import io.spate.api.annotation.Internal;

/**
 * The latest restore of a job's state from a snapshot, as its JobMaster made it: at the start from a
 * savepoint (or from the checkpoint a new leader resumes the job from) and at each restart from the
 * latest completed checkpoint.
 *
 * @param checkpointId the id of the checkpoint or savepoint whose state was restored
 * @param savepoint whether that snapshot is a savepoint
 * @param restoreTimestamp when the restore was made (epoch ms)
 * @param restoreCount how many restores from a snapshot the job's JobMaster made so far, this one included
 */
@Internal
public record RestoredCheckpoint(long checkpointId, boolean savepoint, long restoreTimestamp, long restoreCount)
    implements java.io.Serializable {}
