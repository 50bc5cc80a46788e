package io.spate.table.formats.raw;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.configuration.ConfigOption;
import io.spate.api.configuration.ReadableConfig;
import io.spate.api.serialization.schema.DeserializationSchema;
import io.spate.api.serialization.schema.SerializationSchema;
import io.spate.api.types.Row;
import io.spate.table.api.ValidationException;
import io.spate.table.connector.ChangelogMode;
import io.spate.table.connector.format.DecodingFormat;
import io.spate.table.connector.format.EncodingFormat;
import io.spate.table.connector.sink.DynamicTableSink;
import io.spate.table.connector.source.ScanTableSource;
import io.spate.table.factories.DeserializationFormatFactory;
import io.spate.table.factories.DynamicTableFactory;
import io.spate.table.factories.SerializationFormatFactory;
import io.spate.table.types.DataType;
import io.spate.table.types.logical.LogicalType;
import io.spate.table.types.logical.RowType;
import io.spate.table.types.utils.TypeConversions;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.util.Set;

/**
 * The {@code raw} format: a table of one column whose value is the whole message, as bytes ({@code
 * BYTES}), as text in {@code 'raw.charset'} ({@code STRING}), or as a number in {@code
 * 'raw.endianness'} byte order; a NULL value is a null message (a Kafka tombstone).
 */
@PublicEvolving
public final class RawFormatFactory implements DeserializationFormatFactory, SerializationFormatFactory {

  /** The format's identifier. */
  public static final String IDENTIFIER = "raw";

  @Override
  public String factoryIdentifier() {
    return IDENTIFIER;
  }

  @Override
  public Set<ConfigOption<?>> requiredOptions() {
    return Set.of();
  }

  @Override
  public Set<ConfigOption<?>> optionalOptions() {
    return Set.of(RawFormatOptions.CHARSET, RawFormatOptions.ENDIANNESS);
  }

  @Override
  public DecodingFormat<DeserializationSchema<Row>> createDecodingFormat(DynamicTableFactory.Context context,
      ReadableConfig formatOptions) {
    String table = context.getObjectIdentifier().asSummaryString();
    String charset = charset(table, formatOptions);
    boolean bigEndian = bigEndian(table, formatOptions);
    return new DecodingFormat<>() {
      @Override
      public DeserializationSchema<Row> createRuntimeDecoder(ScanTableSource.ScanContext scanContext,
          DataType physicalDataType) {
        RowType rowType = (RowType) TypeConversions.fromDataToLogicalType(physicalDataType);
        return new RawFormatDeserializationSchema(singleColumn(table, rowType), charset, bigEndian);
      }

      @Override
      public ChangelogMode getChangelogMode() {
        return ChangelogMode.insertOnly();
      }
    };
  }

  @Override
  public EncodingFormat<SerializationSchema<Row>> createEncodingFormat(DynamicTableFactory.Context context,
      ReadableConfig formatOptions) {
    String table = context.getObjectIdentifier().asSummaryString();
    String charset = charset(table, formatOptions);
    boolean bigEndian = bigEndian(table, formatOptions);
    return new EncodingFormat<>() {
      @Override
      public SerializationSchema<Row> createRuntimeEncoder(DynamicTableSink.Context sinkContext,
          DataType physicalDataType) {
        RowType rowType = (RowType) TypeConversions.fromDataToLogicalType(physicalDataType);
        return new RawFormatSerializationSchema(singleColumn(table, rowType), charset, bigEndian);
      }

      @Override
      public ChangelogMode getChangelogMode() {
        return ChangelogMode.insertOnly();
      }
    };
  }

  /** The type of the one column of {@code rowType}, checked to be one the raw format holds. */
  static LogicalType singleColumn(String table, RowType rowType) {
    if (rowType.getFieldCount() != 1) {
      throw new ValidationException("Table " + table + ": the 'raw' format holds exactly one physical column, but the"
          + " table has " + rowType.getFieldCount() + ": " + String.join(", ", rowType.getFieldNames())
          + "; use another format, or one column");
    }
    LogicalType type = rowType.getTypeAt(0);
    switch (type.getTypeRoot()) {
      case CHAR:
      case VARCHAR:
      case BINARY:
      case VARBINARY:
      case BOOLEAN:
      case TINYINT:
      case SMALLINT:
      case INTEGER:
      case BIGINT:
      case FLOAT:
      case DOUBLE:
        return type;
      default:
        throw new ValidationException("Table " + table + ": the 'raw' format cannot hold the column '"
            + rowType.getFieldNames().get(0) + "' of type " + type.asSummaryString() + "; it holds STRING, BYTES,"
            + " BOOLEAN, TINYINT, SMALLINT, INT, BIGINT, FLOAT or DOUBLE");
    }
  }

  private static String charset(String table, ReadableConfig options) {
    String name = options.get(RawFormatOptions.CHARSET);
    try {
      return Charset.forName(name).name();
    } catch (RuntimeException e) {
      throw new ValidationException("Table " + table + ": 'raw.charset' = '" + name + "' is not a charset this JVM"
          + " knows, such as UTF-8 or ISO-8859-1");
    }
  }

  private static boolean bigEndian(String table, ReadableConfig options) {
    String value = options.get(RawFormatOptions.ENDIANNESS);
    if (value.equals(RawFormatOptions.BIG_ENDIAN)) {
      return true;
    }
    if (value.equals(RawFormatOptions.LITTLE_ENDIAN)) {
      return false;
    }
    throw new ValidationException("Table " + table + ": 'raw.endianness' = '" + value + "' is not one of '"
        + RawFormatOptions.BIG_ENDIAN + "', '" + RawFormatOptions.LITTLE_ENDIAN + "'");
  }

  /** The byte order of {@code bigEndian}. */
  static ByteOrder order(boolean bigEndian) {
    return bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
  }
}
