package io.spate.table.connectors.jdbc;

import io.spate.api.annotation.Internal;
import io.spate.api.types.Row;
import io.spate.connectors.jdbc.ResultExtractor;
import io.spate.table.types.logical.LogicalType;
import io.spate.table.types.logical.RowType;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLDataException;

/**
 * Makes a {@link Row} of a table's physical columns of each row a query selects (the columns in
 * order). Before the first row of a result set it checks that each database column reads into its
 * SQL type, and fails naming the column, its SQL type and the database's type otherwise.
 */
@Internal
final class JdbcRowConverter implements ResultExtractor<Row> {

  private static final long serialVersionUID = 1L;

  private final String table;
  private final String[] names;
  private final LogicalType[] types;
  private final JdbcTypeMapping.FieldReader[] readers;
  private transient ResultSet checked;

  JdbcRowConverter(String table, RowType rowType) {
    this.table = table;
    this.names = rowType.getFieldNames().toArray(new String[0]);
    this.types = rowType.getChildren().toArray(new LogicalType[0]);
    this.readers = new JdbcTypeMapping.FieldReader[types.length];
    for (int i = 0; i < types.length; i++) {
      JdbcTypeMapping.checkSupported(types[i], table, names[i]);
      readers[i] = JdbcTypeMapping.reader(types[i]);
    }
  }

  @Override
  public Row extract(ResultSet resultSet) throws SQLException {
    if (resultSet != checked) {
      check(resultSet.getMetaData());
      checked = resultSet;
    }
    Row row = new Row(readers.length);
    for (int i = 0; i < readers.length; i++) {
      try {
        row.setField(i, readers[i].read(resultSet, i + 1));
      } catch (SQLException | RuntimeException e) {
        throw new SQLDataException("Table " + table + ": column '" + names[i] + "' (" + types[i].asSummaryString()
            + ") cannot be read from the database's value: " + e.getMessage(), e);
      }
    }
    return row;
  }

  private void check(ResultSetMetaData metadata) throws SQLException {
    for (int i = 0; i < types.length; i++) {
      int jdbcType = metadata.getColumnType(i + 1);
      if (!JdbcTypeMapping.readsFrom(types[i], jdbcType)) {
        throw new SQLDataException("Table " + table + ": column '" + names[i] + "' is " + types[i].asSummaryString()
            + " in its CREATE TABLE, but the database's column is " + metadata.getColumnTypeName(i + 1)
            + ", which does not read into it; declare the column with a type that matches");
      }
    }
  }
}
