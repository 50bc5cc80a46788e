package io.spate.table.formats.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.core.JsonGenerator;
import io.spate.api.annotation.PublicEvolving;
import io.spate.api.serialization.schema.SerializationSchema;
import io.spate.api.types.Row;
import io.spate.table.formats.common.TimestampFormat;
import io.spate.table.types.logical.RowType;

/**
 * Writes a {@link Row} of a table's physical columns as one JSON object (UTF-8, without a line
 * break): the {@code json} format's encoder.
 */
@PublicEvolving
public class JsonRowDataSerializationSchema implements SerializationSchema<Row> {

  private static final long serialVersionUID = 1L;

  private final RowToJsonConverter converter;
  private final boolean encodeDecimalAsPlainNumber;
  private transient ObjectMapper mapper;

  /** A schema of rows of {@code rowType}, with the map-null-key handling and decimal style of the json options. */
  public JsonRowDataSerializationSchema(RowType rowType, TimestampFormat timestampFormat, MapNullKeyMode mapNullKeyMode,
      String mapNullKeyLiteral, boolean encodeDecimalAsPlainNumber, boolean ignoreNullFields) {
    this.converter = new RowToJsonConverter(rowType, timestampFormat, mapNullKeyMode, mapNullKeyLiteral,
        ignoreNullFields);
    this.encodeDecimalAsPlainNumber = encodeDecimalAsPlainNumber;
  }

  @Override
  public byte[] serialize(Row row) {
    if (mapper == null) {
      mapper = new ObjectMapper();
      mapper.configure(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN, encodeDecimalAsPlainNumber);
      mapper.disable(SerializationFeature.INDENT_OUTPUT);
    }
    try {
      return mapper.writeValueAsBytes(converter.convert(row));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("Could not write the row " + row + " as JSON: " + e.getOriginalMessage(), e);
    }
  }
}
