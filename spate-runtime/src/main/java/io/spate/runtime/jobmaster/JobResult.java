package io.spate.runtime.jobmaster;

import io.spate.api.common.JobID;
import io.spate.api.common.JobStatus;
import java.time.Duration;
import java.util.Map;

/**
 * How a job ended.
 *
 * @param jobId the job
 * @param jobName its name
 * @param status FINISHED, FAILED or CANCELED
 * @param netRuntime time from the start of scheduling to the end
 * @param failure the cause of a failure, with job, operator and subtask in its message; else null
 * @param counters final record counts, and the number of restarts
 * @param savepointPath the savepoint the job stopped with, or null
 * @param checkpoints the statistics of its last checkpoints, as they stood when it ended
 * @param exceptions its latest failures, newest first
 * @param latestRestore its latest restore from a checkpoint or savepoint, or null if it restored none
 * @param accumulators the accumulators of each subtask that finished, serialized: they may be of the job's
 *     classes, which the client reads
 */
public record JobResult(
    JobID jobId, String jobName, JobStatus status, Duration netRuntime, Throwable failure,
    Map<String, Long> counters, String savepointPath, java.util.List<io.spate.api.checkpoint.CheckpointStatistics> checkpoints,
    java.util.List<ExceptionHistoryEntry> exceptions, io.spate.api.checkpoint.RestoredCheckpoint latestRestore,
    java.util.List<io.spate.runtime.rpc.SerializedValue<Map<String, io.spate.api.accumulators.Accumulator<?, ?>>>>
        accumulators)
    implements java.io.Serializable {

  /** The counter of restarts. */
  public static final String RESTARTS = "restarts";
}
