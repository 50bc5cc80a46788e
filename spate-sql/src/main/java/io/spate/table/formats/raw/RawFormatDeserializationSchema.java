package io.spate.table.formats.raw;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.serialization.schema.DeserializationSchema;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.types.Row;
import io.spate.table.runtime.typeutils.TypeInfos;
import io.spate.table.types.logical.LogicalType;
import io.spate.table.types.logical.RowType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;

/**
 * Reads the whole message as the one column of a row: its bytes, its text in the charset, or its
 * number in the byte order; a null message is a NULL value (the {@code raw} format's decoder). A
 * number of the wrong size fails the read naming the size expected.
 */
@PublicEvolving
public class RawFormatDeserializationSchema implements DeserializationSchema<Row> {

  private static final long serialVersionUID = 1L;

  private final LogicalType type;
  private final String charset;
  private final boolean bigEndian;

  /** Reads values of {@code type} (text in {@code charset}, numbers big-endian or not). */
  public RawFormatDeserializationSchema(LogicalType type, String charset, boolean bigEndian) {
    this.type = type;
    this.charset = charset;
    this.bigEndian = bigEndian;
  }

  @Override
  public Row deserialize(byte[] message) throws IOException {
    Row row = new Row(1);
    row.setField(0, message == null ? null : value(message));
    return row;
  }

  private Object value(byte[] message) throws IOException {
    switch (type.getTypeRoot()) {
      case CHAR:
      case VARCHAR:
        return new String(message, Charset.forName(charset));
      case BINARY:
      case VARBINARY:
        return message;
      case BOOLEAN:
        return sized(message, 1).get() != 0;
      case TINYINT:
        return sized(message, 1).get();
      case SMALLINT:
        return sized(message, 2).getShort();
      case INTEGER:
        return sized(message, 4).getInt();
      case BIGINT:
        return sized(message, 8).getLong();
      case FLOAT:
        return sized(message, 4).getFloat();
      case DOUBLE:
        return sized(message, 8).getDouble();
      default:
        throw new IllegalStateException("raw: no decoding of " + type.asSummaryString());
    }
  }

  private ByteBuffer sized(byte[] message, int size) throws IOException {
    if (message.length != size) {
      throw new IOException("raw: a " + type.asSummaryString() + " is " + size + " byte(s), but the message has "
          + message.length);
    }
    return ByteBuffer.wrap(message).order(RawFormatFactory.order(bigEndian));
  }

  @Override
  public boolean isEndOfStream(Row nextElement) {
    return false;
  }

  @Override
  public TypeInformation<Row> getProducedType() {
    return TypeInfos.ofRow(RowType.of(type));
  }
}
