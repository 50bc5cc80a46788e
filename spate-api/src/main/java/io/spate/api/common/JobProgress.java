package io.spate.api.common;

import io.spate.api.annotation.PublicEvolving;
import java.time.Duration;

/**
 * How far a job has come.
 *
 * @param status the job's status
 * @param recordsProcessed records emitted by the job's sources so far
 * @param elapsed time since the job started running
 */
@PublicEvolving
public record JobProgress(JobStatus status, long recordsProcessed, Duration elapsed) implements java.io.Serializable {}
