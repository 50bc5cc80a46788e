package io.spate.cli.sql;

import io.spate.table.api.TableEnvironment;
import java.util.List;

/**
 * The cluster that a shell session runs its jobs on: where an {@code INSERT} goes, and what
 * {@code SHOW JOBS} and {@code STOP JOB} see.
 */
interface SessionJobs extends AutoCloseable {

  /**
   * Starts the job of {@code insert} (an INSERT, statement set or EXECUTE of one) and returns its id
   * at once; {@code setup} holds the session's earlier statements that define what it reads and
   * writes (DDL, SET, USE), for a cluster that does not share this session's catalog.
   */
  String submitInsert(TableEnvironment session, List<String> setup, String insert) throws Exception;

  /**
   * Starts the job of {@code query} and returns its result, whose rows come back to this client as the
   * job makes them; closing the result's iterator cancels the job. {@code setup} is as for inserts.
   */
  io.spate.table.api.TableResult submitQuery(TableEnvironment session, List<String> setup, String query)
      throws Exception;

  /** Notes the job of a query the session started, so that SHOW JOBS and STOP JOB see it. */
  void queryStarted(io.spate.api.common.JobClient job);

  /** The cluster's jobs, oldest first. */
  List<JobSummary> list() throws Exception;

  /**
   * Stops job {@code jobId}: with {@code withSavepoint}, through a savepoint (draining the event time
   * first with {@code drain}) whose path is returned; else by cancelling it, returning null.
   */
  String stop(String jobId, boolean withSavepoint, boolean drain) throws Exception;

  /** Ends the session: its unfinished jobs on an embedded cluster end with it. */
  @Override
  void close();
}
