package io.spate.table.api.internal;

import io.spate.table.api.Schema;
import io.spate.table.api.SqlParserException;
import io.spate.table.api.TableDescriptor;
import io.spate.table.api.ValidationException;
import io.spate.table.catalog.CatalogManager;
import io.spate.table.catalog.ObjectIdentifier;
import io.spate.table.catalog.ResolvedSchema;
import io.spate.table.parse.ParsedStatement;
import io.spate.table.parse.SqlStatementParser;
import io.spate.table.parse.SqlText;
import io.spate.table.planner.SqlPlanner;

/**
 * The {@code INSERT} statements that {@code Table.insertInto}, {@code executeInsert} and the methods
 * of a statement set stand for, checked when they are made (an unknown table or columns that do not
 * fit fail there, not when the job starts).
 */
final class InsertStatements {

  private final CatalogManager catalogs;
  private final SqlPlanner planner;
  private final boolean streaming;

  InsertStatements(CatalogManager catalogs, SqlPlanner planner, boolean streaming) {
    this.catalogs = catalogs;
    this.planner = planner;
    this.streaming = streaming;
  }

  /** The identifier of the existing table {@code path}, or an error naming it. */
  ObjectIdentifier sink(String path) {
    ObjectIdentifier id = catalogs.qualify(SqlStatementParser.parseName(path));
    catalogs.getTableOrError(id);
    return id;
  }

  /** {@code INSERT INTO sink query}, checked. */
  ParsedStatement.Insert of(ObjectIdentifier sink, SqlText query, boolean overwrite) {
    if (overwrite) {
      throw new ValidationException(streaming
          ? "INSERT OVERWRITE is not supported in streaming mode (table " + sink.asSummaryString() + ")"
          : "Spate SQL does not support INSERT OVERWRITE yet (table " + sink.asSummaryString() + "): no connector"
              + " overwrites a table's data");
    }
    ParsedStatement.Insert insert = new ParsedStatement.Insert(new SqlText("INSERT INTO " + sink.asSerializableString()
        + "\n" + query.text(), 1, 1));
    try {
      return checked(insert);
    } catch (ValidationException e) {
      // The statement is generated: name the table rather than leave the user with positions in text they never wrote.
      throw new ValidationException("Cannot insert into table " + sink.asSummaryString() + ": "
          + e.getMessage().replaceFirst("^SQL validation failed\\. From line \\d+, column \\d+ to line \\d+,"
              + " column \\d+: ", ""), e);
    }
  }

  /** The statement {@code statement}, which must be an {@code INSERT}, checked. */
  ParsedStatement.Insert parse(String statement) {
    ParsedStatement parsed = SqlStatementParser.parseStatement(statement);
    if (!(parsed instanceof ParsedStatement.Insert insert)) {
      throw new SqlParserException("addInsertSql takes an INSERT statement, not the statement at "
          + parsed.text().positionOf(0) + ": " + firstWords(parsed.text().text()));
    }
    return checked(insert);
  }

  /**
   * The name under which a table of {@code descriptor} is registered for one insert of rows of {@code
   * rows} into it; a descriptor without a schema takes the columns of {@code rows}, as in Flink.
   */
  static String descriptorTable(TableEnvironmentImpl env, TableDescriptor descriptor, ResolvedSchema rows) {
    String name = "`" + env.unnamedTableName().replace("`", "``") + "`";
    TableDescriptor complete = descriptor;
    if (descriptor.getSchema().isEmpty() || descriptor.getSchema().get().getColumns().isEmpty()) {
      Schema.Builder schema = Schema.newBuilder();
      for (int i = 0; i < rows.getColumnCount(); i++) {
        schema.column(rows.getColumnNames().get(i), rows.getColumnTypes().get(i).asSerializableString());
      }
      complete = descriptor.toBuilder().schema(schema.build()).build();
    }
    env.createTemporaryTable(name, complete);
    return name;
  }

  private ParsedStatement.Insert checked(ParsedStatement.Insert insert) {
    planner.toRel(insert.text());
    return insert;
  }

  private static String firstWords(String text) {
    String[] words = text.strip().split("\\s+", 3);
    return "'" + String.join(" ", java.util.Arrays.copyOf(words, Math.min(2, words.length))) + " ...'";
  }
}
