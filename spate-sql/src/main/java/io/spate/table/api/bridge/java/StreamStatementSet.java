package io.spate.table.api.bridge.java;

import io.spate.api.annotation.PublicEvolving;
import io.spate.table.api.ExplainDetail;
import io.spate.table.api.StatementSet;
import io.spate.table.api.Table;
import io.spate.table.api.TableDescriptor;
import io.spate.table.api.TablePipeline;

/**
 * The statement set of a {@link StreamTableEnvironment}: its inserts run as one job of their own
 * ({@link #execute()}), or become part of the program's job ({@link #attachAsDataStream()}), which the
 * next {@code env.execute()} runs together with the program's DataStreams.
 */
@PublicEvolving
public interface StreamStatementSet extends StatementSet {

  @Override
  StreamStatementSet add(TablePipeline tablePipeline);

  @Override
  StreamStatementSet addInsertSql(String statement);

  @Override
  StreamStatementSet addInsert(String targetPath, Table table);

  @Override
  StreamStatementSet addInsert(String targetPath, Table table, boolean overwrite);

  @Override
  StreamStatementSet addInsert(TableDescriptor targetDescriptor, Table table);

  @Override
  StreamStatementSet addInsert(TableDescriptor targetDescriptor, Table table, boolean overwrite);

  @Override
  default StreamStatementSet printExplain(ExplainDetail... extraDetails) {
    System.out.println(explain(extraDetails));
    return this;
  }

  /**
   * Adds every insert of the set to the program's job, as sinks of the {@code StreamExecutionEnvironment}
   * that the table environment was created on, and empties the set: the next {@code env.execute()} runs
   * them. A set without inserts is an error.
   */
  void attachAsDataStream();
}
