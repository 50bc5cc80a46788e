package io.spate.table.api.internal;

import io.spate.api.annotation.Internal;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.table.api.ExplainDetail;
import io.spate.table.api.Table;
import io.spate.table.api.TableDescriptor;
import io.spate.table.api.TablePipeline;
import io.spate.table.api.TableResult;
import io.spate.table.api.bridge.java.StreamStatementSet;

/** Spate's {@link StreamStatementSet}: a {@link StatementSetImpl} whose inserts may also join the program's job. */
@Internal
final class StreamStatementSetImpl implements StreamStatementSet {

  private final TableEnvironmentImpl tables;
  private final StreamExecutionEnvironment env;
  private final StatementSetImpl inserts;

  StreamStatementSetImpl(TableEnvironmentImpl tables, StreamExecutionEnvironment env) {
    this.tables = tables;
    this.env = env;
    this.inserts = new StatementSetImpl(tables);
  }

  @Override
  public StreamStatementSet add(TablePipeline tablePipeline) {
    inserts.add(tablePipeline);
    return this;
  }

  @Override
  public StreamStatementSet addInsertSql(String statement) {
    inserts.addInsertSql(statement);
    return this;
  }

  @Override
  public StreamStatementSet addInsert(String targetPath, Table table) {
    inserts.addInsert(targetPath, table);
    return this;
  }

  @Override
  public StreamStatementSet addInsert(String targetPath, Table table, boolean overwrite) {
    inserts.addInsert(targetPath, table, overwrite);
    return this;
  }

  @Override
  public StreamStatementSet addInsert(TableDescriptor targetDescriptor, Table table) {
    inserts.addInsert(targetDescriptor, table);
    return this;
  }

  @Override
  public StreamStatementSet addInsert(TableDescriptor targetDescriptor, Table table, boolean overwrite) {
    inserts.addInsert(targetDescriptor, table, overwrite);
    return this;
  }

  @Override
  public String explain(ExplainDetail... extraDetails) {
    return inserts.explain(extraDetails);
  }

  @Override
  public TableResult execute() {
    return inserts.execute();
  }

  @Override
  public void attachAsDataStream() {
    tables.translateInserts(env, inserts.takeInserts("attachAsDataStream()"));
  }
}
