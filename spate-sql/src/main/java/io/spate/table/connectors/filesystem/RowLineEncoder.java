package io.spate.table.connectors.filesystem;

import io.spate.api.annotation.Internal;
import io.spate.api.serialization.Encoder;
import io.spate.api.serialization.schema.SerializationSchema;
import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes each row's non-partition columns as one line in the table's format. It takes inserts only:
 * a filesystem table cannot take back a line it wrote.
 */
@Internal
final class RowLineEncoder implements Encoder<Row> {

  private static final long serialVersionUID = 1L;

  private final String table;
  private final SerializationSchema<Row> encoder;
  /** The columns of a written row, by position in the table's row; null if all of them. */
  private final int[] dataColumns;

  RowLineEncoder(String table, SerializationSchema<Row> encoder, int[] dataColumns) {
    this.table = table;
    this.encoder = encoder;
    this.dataColumns = dataColumns;
  }

  @Override
  public void encode(Row row, OutputStream stream) throws IOException {
    if (row.getKind() != RowKind.INSERT) {
      throw new IOException("Table " + table + " (filesystem) takes only inserts, but the query sent the change "
          + row.getKind().shortString() + " " + row + ": write an insert-only query into it");
    }
    Row data = dataColumns == null ? row : Row.project(row, dataColumns);
    stream.write(encoder.serialize(data));
    stream.write('\n');
  }
}
