package io.spate.table.api;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.common.JobClient;
import io.spate.api.types.Row;
import io.spate.api.datastream.CloseableIterator;
import io.spate.table.catalog.ResolvedSchema;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What {@code executeSql} (or {@code Table.execute()}) gives: for a query or an INSERT its job, for
 * every statement its rows (a query's results, SHOW's names, DESCRIBE's columns, or {@code OK}).
 */
@PublicEvolving
public interface TableResult {

  /** The job the statement started, if it started one. */
  Optional<JobClient> getJobClient();

  /** Waits until the statement's job ends (at once if it started none). */
  void await() throws InterruptedException, ExecutionException;

  /** Waits at most {@code timeout} until the statement's job ends. */
  void await(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException;

  /** The columns of the result's rows. */
  ResolvedSchema getResolvedSchema();

  /** Whether the result holds rows. */
  ResultKind getResultKind();

  /**
   * The result's rows, with their change kinds, as they come; for a query, closing the iterator
   * cancels its job. Only one iterator may be taken.
   */
  CloseableIterator<Row> collect();

  /** Prints the result's rows as a table to standard output (waiting for all of them). */
  void print();
}
