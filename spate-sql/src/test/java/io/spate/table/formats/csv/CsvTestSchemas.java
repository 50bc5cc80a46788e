package io.spate.table.formats.csv;

import io.spate.api.serialization.schema.SerializationSchema;
import io.spate.api.types.Row;
import io.spate.table.types.logical.RowType;

/** The csv encoder of tests that write files for SQL to read: comma, double quotes, a given null literal. */
public final class CsvTestSchemas {

  private CsvTestSchemas() {}

  /** The encoder of rows of {@code type} with the csv format's defaults and {@code nullLiteral}. */
  public static SerializationSchema<Row> encoder(RowType type, String nullLiteral) {
    return new CsvRowDataSerializationSchema(type, new CsvDialect(',', '"', (char) 0),
        new CsvValueConverters(";", nullLiteral, true), nullLiteral, false);
  }
}
