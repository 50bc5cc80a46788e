package io.spate.table.connectors.filesystem;

import io.spate.api.annotation.Internal;
import io.spate.api.fs.FSDataOutputStream;
import io.spate.api.serialization.BulkWriter;
import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import java.io.IOException;

/**
 * Writes each row's non-partition columns with the table's file format (Avro, Parquet). It takes
 * inserts only: a filesystem table cannot take back a row it wrote.
 */
@Internal
final class InsertOnlyBulkWriterFactory implements BulkWriter.Factory<Row> {

  private static final long serialVersionUID = 1L;

  private final String table;
  private final BulkWriter.Factory<Row> files;
  /** The columns of a written row, by position in the table's row; null if all of them. */
  private final int[] dataColumns;

  InsertOnlyBulkWriterFactory(String table, BulkWriter.Factory<Row> files, int[] dataColumns) {
    this.table = table;
    this.files = files;
    this.dataColumns = dataColumns;
  }

  @Override
  public BulkWriter<Row> create(FSDataOutputStream out) throws IOException {
    BulkWriter<Row> writer = files.create(out);
    return new BulkWriter<>() {
      @Override
      public void addElement(Row row) throws IOException {
        if (row.getKind() != RowKind.INSERT) {
          throw new IOException("Table " + table + " (filesystem) takes only inserts, but the query sent the change "
              + row.getKind().shortString() + " " + row + ": write an insert-only query into it");
        }
        writer.addElement(dataColumns == null ? row : Row.project(row, dataColumns));
      }

      @Override
      public void flush() throws IOException {
        writer.flush();
      }

      @Override
      public void finish() throws IOException {
        writer.finish();
      }
    };
  }
}
