package io.spate.table.formats.json;

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
import io.spate.table.formats.common.TimestampFormat;
import io.spate.table.runtime.typeutils.TypeInfos;
import io.spate.table.types.DataType;
import io.spate.table.types.logical.RowType;
import io.spate.table.types.utils.TypeConversions;
import java.util.Set;

/**
 * The {@code json} format: one JSON object per record, its fields by column name; nested objects
 * are {@code ROW} or {@code MAP} columns, arrays {@code ARRAY} columns, JSON null and missing fields NULL.
 */
@PublicEvolving
public final class JsonFormatFactory implements DeserializationFormatFactory, SerializationFormatFactory {

  /** The format's identifier. */
  public static final String IDENTIFIER = "json";

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
    return Set.of(JsonFormatOptions.FAIL_ON_MISSING_FIELD, JsonFormatOptions.IGNORE_PARSE_ERRORS,
        JsonFormatOptions.TIMESTAMP_FORMAT, JsonFormatOptions.MAP_NULL_KEY_MODE, JsonFormatOptions.MAP_NULL_KEY_LITERAL,
        JsonFormatOptions.ENCODE_DECIMAL_AS_PLAIN_NUMBER, JsonFormatOptions.ENCODE_IGNORE_NULL_FIELDS);
  }

  @Override
  public DecodingFormat<DeserializationSchema<Row>> createDecodingFormat(DynamicTableFactory.Context context,
      ReadableConfig formatOptions) {
    String table = context.getObjectIdentifier().asSummaryString();
    boolean failOnMissingField = formatOptions.get(JsonFormatOptions.FAIL_ON_MISSING_FIELD);
    boolean ignoreParseErrors = formatOptions.get(JsonFormatOptions.IGNORE_PARSE_ERRORS);
    if (failOnMissingField && ignoreParseErrors) {
      throw new ValidationException("Table " + table + ": 'json.fail-on-missing-field' and 'json.ignore-parse-errors'"
          + " cannot both be true");
    }
    TimestampFormat timestampFormat = timestampFormat(formatOptions, table);
    return new DecodingFormat<>() {
      @Override
      public DeserializationSchema<Row> createRuntimeDecoder(ScanTableSource.ScanContext scanContext,
          DataType physicalDataType) {
        RowType rowType = (RowType) TypeConversions.fromDataToLogicalType(physicalDataType);
        return new JsonRowDataDeserializationSchema(rowType, TypeInfos.ofRow(rowType), failOnMissingField,
            ignoreParseErrors, timestampFormat);
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
    TimestampFormat timestampFormat = timestampFormat(formatOptions, table);
    String modeText = formatOptions.get(JsonFormatOptions.MAP_NULL_KEY_MODE);
    MapNullKeyMode mode;
    try {
      mode = MapNullKeyMode.valueOf(modeText.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ValidationException("Table " + table + ": 'json.map-null-key.mode' = '" + modeText
          + "' is not one of 'FAIL', 'DROP', 'LITERAL'");
    }
    String literal = formatOptions.get(JsonFormatOptions.MAP_NULL_KEY_LITERAL);
    boolean plainDecimals = formatOptions.get(JsonFormatOptions.ENCODE_DECIMAL_AS_PLAIN_NUMBER);
    boolean ignoreNullFields = formatOptions.get(JsonFormatOptions.ENCODE_IGNORE_NULL_FIELDS);
    return new EncodingFormat<>() {
      @Override
      public SerializationSchema<Row> createRuntimeEncoder(DynamicTableSink.Context sinkContext,
          DataType physicalDataType) {
        RowType rowType = (RowType) TypeConversions.fromDataToLogicalType(physicalDataType);
        return new JsonRowDataSerializationSchema(rowType, timestampFormat, mode, literal, plainDecimals,
            ignoreNullFields);
      }

      @Override
      public ChangelogMode getChangelogMode() {
        return ChangelogMode.insertOnly();
      }
    };
  }

  private static TimestampFormat timestampFormat(ReadableConfig options, String table) {
    String value = options.get(JsonFormatOptions.TIMESTAMP_FORMAT);
    switch (value.toUpperCase(java.util.Locale.ROOT)) {
      case "SQL":
        return TimestampFormat.SQL;
      case "ISO-8601":
        return TimestampFormat.ISO_8601;
      default:
        throw new ValidationException("Table " + table + ": 'json.timestamp-format.standard' = '" + value
            + "' is not one of 'SQL', 'ISO-8601'");
    }
  }
}
