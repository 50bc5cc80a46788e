package io.spate.table.api.internal;

import io.spate.table.api.ExplainDetail;
import io.spate.table.api.Table;
import io.spate.table.api.TableResult;
import io.spate.table.catalog.ResolvedSchema;
import io.spate.table.parse.SqlStatementParser;
import io.spate.table.parse.SqlText;
import java.util.List;

/** A table defined by a query of its environment. */
final class TableImpl implements Table {

  private final TableEnvironmentImpl env;
  private final SqlText query;
  private final ResolvedSchema schema;

  TableImpl(TableEnvironmentImpl env, SqlText query, ResolvedSchema schema) {
    this.env = env;
    this.query = query;
    this.schema = schema;
  }

  /** The query that defines the table. */
  SqlText query() {
    return query;
  }

  @Override
  public ResolvedSchema getResolvedSchema() {
    return schema;
  }

  @Override
  public void printSchema() {
    System.out.println(schema);
  }

  @Override
  public TableResult execute() {
    return env.executeQuery(query);
  }

  @Override
  public TableResult executeInsert(String tablePath) {
    List<String> parts = SqlStatementParser.parseName(tablePath);
    String target = String.join(".", parts.stream().map(p -> "`" + p.replace("`", "``") + "`").toList());
    return env.executeSql("INSERT INTO " + target + "\n" + query.text());
  }

  @Override
  public String explain(ExplainDetail... extraDetails) {
    return env.explainQuery(query, extraDetails);
  }

  @Override
  public String toString() {
    return query.text();
  }
}
