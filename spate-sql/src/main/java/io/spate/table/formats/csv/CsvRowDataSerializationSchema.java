package io.spate.table.formats.csv;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.serialization.schema.SerializationSchema;
import io.spate.api.types.Row;
import io.spate.table.types.logical.LogicalType;
import io.spate.table.types.logical.RowType;
import java.nio.charset.StandardCharsets;

/**
 * Writes a {@link Row} of a table's physical columns as one CSV record (UTF-8, without a line break):
 * the {@code csv} format's encoder. NULL is the null literal, or an empty field; an empty string and
 * text equal to the null literal are quoted, so that they read back as themselves.
 */
@PublicEvolving
public class CsvRowDataSerializationSchema implements SerializationSchema<Row> {

  private static final long serialVersionUID = 1L;

  private final CsvDialect dialect;
  private final String[] names;
  private final CsvValueConverters.TextWriter[] writers;
  private final String nullLiteral;
  private final boolean allowComments;

  CsvRowDataSerializationSchema(RowType rowType, CsvDialect dialect, CsvValueConverters converters, String nullLiteral,
      boolean allowComments) {
    this.dialect = dialect;
    this.names = rowType.getFieldNames().toArray(new String[0]);
    LogicalType[] types = rowType.getChildren().toArray(new LogicalType[0]);
    this.writers = new CsvValueConverters.TextWriter[types.length];
    for (int i = 0; i < types.length; i++) {
      CsvValueConverters.checkSupported(types[i], names[i], false);
      writers[i] = converters.writer(types[i]);
    }
    this.nullLiteral = nullLiteral;
    this.allowComments = allowComments;
  }

  @Override
  public byte[] serialize(Row row) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < writers.length; i++) {
      if (i > 0) {
        out.append(dialect.delimiter());
      }
      Object value = row.getField(i);
      if (value == null) {
        if (nullLiteral != null) {
          out.append(nullLiteral);
        }
        continue;
      }
      String text;
      try {
        text = writers[i].write(value);
        boolean quote = text.isEmpty() || text.equals(nullLiteral) || (i == 0 && allowComments && text.startsWith("#"));
        dialect.appendField(out, text, quote);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("Could not write the field '" + names[i] + "' of the row " + row
            + " as CSV: " + e.getMessage(), e);
      }
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }
}
