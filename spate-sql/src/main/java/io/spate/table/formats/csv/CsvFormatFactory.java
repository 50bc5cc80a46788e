package io.spate.table.formats.csv;

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
import io.spate.table.runtime.typeutils.TypeInfos;
import io.spate.table.types.DataType;
import io.spate.table.types.logical.RowType;
import io.spate.table.types.utils.TypeConversions;
import java.util.Set;

/**
 * The {@code csv} format: one record per line (a quoted field may span lines), fields in column
 * order. Arrays and nested rows are one field, their elements separated by the array element delimiter.
 */
@PublicEvolving
public final class CsvFormatFactory implements DeserializationFormatFactory, SerializationFormatFactory {

  /** The format's identifier. */
  public static final String IDENTIFIER = "csv";

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
    return Set.of(CsvFormatOptions.FIELD_DELIMITER, CsvFormatOptions.DISABLE_QUOTE_CHARACTER,
        CsvFormatOptions.QUOTE_CHARACTER, CsvFormatOptions.ALLOW_COMMENTS, CsvFormatOptions.IGNORE_PARSE_ERRORS,
        CsvFormatOptions.ARRAY_ELEMENT_DELIMITER, CsvFormatOptions.ESCAPE_CHARACTER, CsvFormatOptions.NULL_LITERAL,
        CsvFormatOptions.WRITE_BIGDECIMAL_IN_SCIENTIFIC_NOTATION);
  }

  @Override
  public DecodingFormat<DeserializationSchema<Row>> createDecodingFormat(DynamicTableFactory.Context context,
      ReadableConfig formatOptions) {
    Settings settings = Settings.of(formatOptions, context.getObjectIdentifier().asSummaryString());
    return new DecodingFormat<>() {
      @Override
      public DeserializationSchema<Row> createRuntimeDecoder(ScanTableSource.ScanContext scanContext,
          DataType physicalDataType) {
        RowType rowType = (RowType) TypeConversions.fromDataToLogicalType(physicalDataType);
        return new CsvRowDataDeserializationSchema(rowType, TypeInfos.ofRow(rowType), settings.dialect(),
            settings.converters(), settings.nullLiteral(), settings.allowComments(), settings.ignoreParseErrors());
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
    Settings settings = Settings.of(formatOptions, context.getObjectIdentifier().asSummaryString());
    return new EncodingFormat<>() {
      @Override
      public SerializationSchema<Row> createRuntimeEncoder(DynamicTableSink.Context sinkContext,
          DataType physicalDataType) {
        RowType rowType = (RowType) TypeConversions.fromDataToLogicalType(physicalDataType);
        return new CsvRowDataSerializationSchema(rowType, settings.dialect(), settings.converters(),
            settings.nullLiteral(), settings.allowComments());
      }

      @Override
      public ChangelogMode getChangelogMode() {
        return ChangelogMode.insertOnly();
      }
    };
  }

  /** The checked options of one table's csv format. */
  private record Settings(CsvDialect dialect, CsvValueConverters converters, String nullLiteral,
      boolean allowComments, boolean ignoreParseErrors) {

    static Settings of(ReadableConfig options, String table) {
      char delimiter = oneCharacter(options, CsvFormatOptions.FIELD_DELIMITER, table);
      boolean quotingDisabled = options.get(CsvFormatOptions.DISABLE_QUOTE_CHARACTER);
      if (quotingDisabled && options.getOptional(CsvFormatOptions.QUOTE_CHARACTER).isPresent()) {
        throw new ValidationException("Table " + table + ": 'csv.quote-character' cannot be set when"
            + " 'csv.disable-quote-character' is true");
      }
      char quote = quotingDisabled ? 0 : oneCharacter(options, CsvFormatOptions.QUOTE_CHARACTER, table);
      char escape = options.getOptional(CsvFormatOptions.ESCAPE_CHARACTER).isPresent()
          ? oneCharacter(options, CsvFormatOptions.ESCAPE_CHARACTER, table) : 0;
      if (quote == delimiter || escape != 0 && (escape == delimiter || escape == quote)) {
        throw new ValidationException("Table " + table + ": the csv field delimiter, quote character and escape"
            + " character must differ");
      }
      String arrayDelimiter = options.get(CsvFormatOptions.ARRAY_ELEMENT_DELIMITER);
      if (arrayDelimiter.isEmpty()) {
        throw new ValidationException("Table " + table + ": 'csv.array-element-delimiter' must not be empty");
      }
      String nullLiteral = options.getOptional(CsvFormatOptions.NULL_LITERAL).orElse(null);
      boolean scientific = options.get(CsvFormatOptions.WRITE_BIGDECIMAL_IN_SCIENTIFIC_NOTATION);
      return new Settings(new CsvDialect(delimiter, quote, escape),
          new CsvValueConverters(arrayDelimiter, nullLiteral, scientific), nullLiteral,
          options.get(CsvFormatOptions.ALLOW_COMMENTS), options.get(CsvFormatOptions.IGNORE_PARSE_ERRORS));
    }

    private static char oneCharacter(ReadableConfig options, ConfigOption<String> option, String table) {
      String value = options.get(option);
      if (value.equals("\\t")) {
        return '\t';
      }
      if (value.length() != 1) {
        throw new ValidationException("Table " + table + ": 'csv." + option.key() + "' = '" + value
            + "' must be a single character ('\\t' for a tab)");
      }
      return value.charAt(0);
    }
  }
}
