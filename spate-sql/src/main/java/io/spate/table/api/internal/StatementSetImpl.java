package io.spate.table.api.internal;

import io.spate.table.api.ExplainDetail;
import io.spate.table.api.StatementSet;
import io.spate.table.api.Table;
import io.spate.table.api.TableDescriptor;
import io.spate.table.api.TableException;
import io.spate.table.api.TablePipeline;
import io.spate.table.api.TableResult;
import io.spate.table.api.ValidationException;
import io.spate.table.parse.ParsedStatement;
import java.util.ArrayList;
import java.util.List;

/** The inserts added to a statement set, in order, run as one job of its environment. */
final class StatementSetImpl implements StatementSet {

  private final TableEnvironmentImpl env;
  private final List<ParsedStatement.Insert> inserts = new ArrayList<>();

  StatementSetImpl(TableEnvironmentImpl env) {
    this.env = env;
  }

  @Override
  public StatementSet add(TablePipeline tablePipeline) {
    if (!(tablePipeline instanceof TablePipelineImpl pipeline) || pipeline.environment() != env) {
      throw new ValidationException("A statement set takes pipelines of its own table environment only");
    }
    inserts.add(pipeline.insert());
    return this;
  }

  @Override
  public StatementSet addInsertSql(String statement) {
    inserts.add(env.insertStatements().parse(statement));
    return this;
  }

  @Override
  public StatementSet addInsert(String targetPath, Table table) {
    return addInsert(targetPath, table, false);
  }

  @Override
  public StatementSet addInsert(String targetPath, Table table, boolean overwrite) {
    return add(TableImpl.of(env, table).insertInto(targetPath, overwrite));
  }

  @Override
  public StatementSet addInsert(TableDescriptor targetDescriptor, Table table) {
    return addInsert(targetDescriptor, table, false);
  }

  @Override
  public StatementSet addInsert(TableDescriptor targetDescriptor, Table table, boolean overwrite) {
    return add(TableImpl.of(env, table).insertInto(targetDescriptor, overwrite));
  }

  @Override
  public String explain(ExplainDetail... extraDetails) {
    checkNotEmpty("explain()");
    return env.explainInserts(List.copyOf(inserts), extraDetails);
  }

  @Override
  public TableResult execute() {
    checkNotEmpty("execute()");
    List<ParsedStatement.Insert> all = List.copyOf(inserts);
    inserts.clear();
    return env.executeInserts(all);
  }

  /** Takes the inserts added so far out of the set, for {@code method}, which needs at least one. */
  List<ParsedStatement.Insert> takeInserts(String method) {
    checkNotEmpty(method);
    List<ParsedStatement.Insert> all = List.copyOf(inserts);
    inserts.clear();
    return all;
  }

  private void checkNotEmpty(String method) {
    if (inserts.isEmpty()) {
      throw new TableException("The statement set holds no INSERT to " + method.replace("()", "") + ": add one with"
          + " addInsertSql, addInsert or add before " + method);
    }
  }
}
