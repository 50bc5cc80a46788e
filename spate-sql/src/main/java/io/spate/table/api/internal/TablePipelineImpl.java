package io.spate.table.api.internal;

import io.spate.table.api.ExplainDetail;
import io.spate.table.api.TablePipeline;
import io.spate.table.api.TableResult;
import io.spate.table.catalog.ObjectIdentifier;
import io.spate.table.parse.ParsedStatement;
import java.util.List;
import java.util.Optional;

/** A checked {@code INSERT} of a table's rows into a sink, run or explained on request. */
final class TablePipelineImpl implements TablePipeline {

  private final TableEnvironmentImpl env;
  private final ObjectIdentifier sink;
  private final ParsedStatement.Insert insert;

  TablePipelineImpl(TableEnvironmentImpl env, ObjectIdentifier sink, ParsedStatement.Insert insert) {
    this.env = env;
    this.sink = sink;
    this.insert = insert;
  }

  /** The {@code INSERT} statement this pipeline runs. */
  ParsedStatement.Insert insert() {
    return insert;
  }

  /** The environment the pipeline belongs to. */
  TableEnvironmentImpl environment() {
    return env;
  }

  @Override
  public Optional<ObjectIdentifier> getSinkIdentifier() {
    return Optional.of(sink);
  }

  @Override
  public TableResult execute() {
    return env.executeInserts(List.of(insert));
  }

  @Override
  public String explain(ExplainDetail... extraDetails) {
    return env.explainInserts(List.of(insert), extraDetails);
  }

  @Override
  public String toString() {
    return insert.text().text();
  }
}
