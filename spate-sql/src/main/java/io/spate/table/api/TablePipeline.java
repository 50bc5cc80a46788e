package io.spate.table.api;

import io.spate.api.annotation.PublicEvolving;
import io.spate.table.catalog.ObjectIdentifier;
import java.util.Optional;

/**
 * A table's rows bound to a sink table, not run yet: {@code table.insertInto("sink")} gives one, and
 * {@link #execute()} starts its job ({@code INSERT INTO sink SELECT ...}), {@link #explain} shows its
 * plan, and {@link StatementSet#add} runs it in one job with other inserts.
 */
@PublicEvolving
public interface TablePipeline {

  /** The table the rows go into, if it has a name in the catalog (a descriptor's table has a generated one). */
  Optional<ObjectIdentifier> getSinkIdentifier();

  /** Starts the insert's job; its result has one column per sink, as {@code executeSql("INSERT ...")} gives. */
  TableResult execute();

  /** The insert's plan, as {@code EXPLAIN INSERT ...} shows it, with {@code extraDetails}. */
  String explain(ExplainDetail... extraDetails);

  /** Prints {@link #explain} to standard output. */
  default void printExplain(ExplainDetail... extraDetails) {
    System.out.println(explain(extraDetails));
  }
}
