package io.spate.table.api;

import io.spate.api.annotation.PublicEvolving;
import io.spate.table.catalog.ResolvedSchema;

/**
 * A query's result as a value: {@code sqlQuery("SELECT ...")} gives one, and it can be run, inserted
 * into a table or registered as a view.
 */
@PublicEvolving
public interface Table {

  /** The columns of the query's rows. */
  ResolvedSchema getResolvedSchema();

  /** Prints the schema to standard output. */
  void printSchema();

  /** Runs the query and gives its rows. */
  TableResult execute();

  /** Inserts the query's rows into table {@code tablePath}. */
  TableResult executeInsert(String tablePath);

  /** The query's plan, as {@code EXPLAIN} shows it, with {@code extraDetails}. */
  String explain(ExplainDetail... extraDetails);
}
