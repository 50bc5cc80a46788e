package io.spate.table.formats.raw;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.serialization.schema.SerializationSchema;
import io.spate.api.types.Row;
import io.spate.table.types.logical.LogicalType;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;

/**
 * Writes the one column of a row as the whole message: its bytes, its text in the charset, or its
 * number in the byte order; NULL as a null message (the {@code raw} format's encoder).
 */
@PublicEvolving
public class RawFormatSerializationSchema implements SerializationSchema<Row> {

  private static final long serialVersionUID = 1L;

  private final LogicalType type;
  private final String charset;
  private final boolean bigEndian;

  /** Writes values of {@code type} (text in {@code charset}, numbers big-endian or not). */
  public RawFormatSerializationSchema(LogicalType type, String charset, boolean bigEndian) {
    this.type = type;
    this.charset = charset;
    this.bigEndian = bigEndian;
  }

  @Override
  public byte[] serialize(Row row) {
    Object value = row.getField(0);
    if (value == null) {
      return null;
    }
    switch (type.getTypeRoot()) {
      case CHAR:
      case VARCHAR:
        return value.toString().getBytes(Charset.forName(charset));
      case BINARY:
      case VARBINARY:
        return (byte[]) value;
      case BOOLEAN:
        return new byte[] {(byte) (((Boolean) value) ? 1 : 0)};
      case TINYINT:
        return new byte[] {(Byte) value};
      case SMALLINT:
        return buffer(2).putShort((Short) value).array();
      case INTEGER:
        return buffer(4).putInt((Integer) value).array();
      case BIGINT:
        return buffer(8).putLong((Long) value).array();
      case FLOAT:
        return buffer(4).putFloat((Float) value).array();
      case DOUBLE:
        return buffer(8).putDouble((Double) value).array();
      default:
        throw new IllegalStateException("raw: no encoding of " + type.asSummaryString());
    }
  }

  private ByteBuffer buffer(int size) {
    return ByteBuffer.allocate(size).order(RawFormatFactory.order(bigEndian));
  }
}
