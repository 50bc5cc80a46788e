package io.spate.table.api;

import io.spate.api.annotation.PublicEvolving;

/**
 * Inserts collected to run as one job, as {@code EXECUTE STATEMENT SET BEGIN ... END} runs them:
 * {@code tEnv.createStatementSet()}, then {@code addInsertSql}, {@code addInsert} or {@code add}, then
 * {@link #execute()}. A table that several inserts read is read by one source.
 */
@PublicEvolving
public interface StatementSet {

  /** Adds the insert {@code tablePipeline} (from {@code table.insertInto(...)}). */
  StatementSet add(TablePipeline tablePipeline);

  /** Adds the {@code INSERT INTO ...} statement {@code statement}, checked now. */
  StatementSet addInsertSql(String statement);

  /** Adds the insert of {@code table}'s rows into the table {@code targetPath}. */
  StatementSet addInsert(String targetPath, Table table);

  /** Adds the insert of {@code table}'s rows into the table {@code targetPath}, overwriting it if {@code overwrite}. */
  StatementSet addInsert(String targetPath, Table table, boolean overwrite);

  /** Adds the insert of {@code table}'s rows into a table of {@code targetDescriptor}, registered under a generated name. */
  StatementSet addInsert(TableDescriptor targetDescriptor, Table table);

  /** Adds the insert of {@code table}'s rows into a table of {@code targetDescriptor}, overwriting it if {@code overwrite}. */
  StatementSet addInsert(TableDescriptor targetDescriptor, Table table, boolean overwrite);

  /** The plans of the inserts added so far, as {@code EXPLAIN STATEMENT SET} shows them, with {@code extraDetails}. */
  String explain(ExplainDetail... extraDetails);

  /** Prints {@link #explain} to standard output and gives this set. */
  default StatementSet printExplain(ExplainDetail... extraDetails) {
    System.out.println(explain(extraDetails));
    return this;
  }

  /**
   * Starts one job that runs every insert added, and empties the set; its result has one column per
   * sink. A set without inserts is an error.
   */
  TableResult execute();
}
