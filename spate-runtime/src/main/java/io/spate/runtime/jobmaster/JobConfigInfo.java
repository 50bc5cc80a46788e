package io.spate.runtime.jobmaster;

import java.io.Serializable;
import java.util.Map;

/**
 * A job's execution configuration as Flink's {@code GET /jobs/{jobid}/config} reports it.
 *
 * @param jobName the job's name
 * @param executionMode PIPELINED for a streaming job, BATCH for a batch one
 * @param restartStrategy what the job does after a failure, in words
 * @param parallelism the job's default parallelism
 * @param objectReuse whether object reuse is on
 * @param userConfig the global job parameters
 */
public record JobConfigInfo(String jobName, String executionMode, String restartStrategy, int parallelism,
    boolean objectReuse, Map<String, String> userConfig) implements Serializable {}
