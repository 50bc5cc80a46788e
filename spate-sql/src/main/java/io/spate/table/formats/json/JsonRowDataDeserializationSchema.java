package io.spate.table.formats.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spate.api.annotation.PublicEvolving;
import io.spate.api.metrics.Counter;
import io.spate.api.serialization.schema.DeserializationSchema;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.types.Row;
import io.spate.connectors.formats.MalformedRecordCounting;
import io.spate.connectors.formats.MalformedRecords;
import io.spate.table.formats.common.RecordText;
import io.spate.table.formats.common.TimestampFormat;
import io.spate.table.types.logical.RowType;
import java.io.IOException;
import java.util.Objects;

/**
 * Reads one JSON object per message (UTF-8) into a {@link Row} of a table's physical columns, by
 * field name: the {@code json} format's decoder. A message that is not such an object fails the read
 * naming the field and the message, unless parse errors are ignored: then it is skipped and counted
 * as {@value MalformedRecords#METRIC_NAME}.
 */
@PublicEvolving
public class JsonRowDataDeserializationSchema implements DeserializationSchema<Row>, MalformedRecordCounting {

  private static final long serialVersionUID = 1L;

  private final TypeInformation<Row> resultTypeInfo;
  private final boolean ignoreParseErrors;
  private final JsonToRowConverter converter;
  private transient ObjectMapper mapper;
  private transient Counter malformed;

  /**
   * A schema of rows of {@code rowType} ({@code resultTypeInfo} is their type information); with
   * {@code failOnMissingField} a missing field fails the read, else it is NULL.
   */
  public JsonRowDataDeserializationSchema(RowType rowType, TypeInformation<Row> resultTypeInfo,
      boolean failOnMissingField, boolean ignoreParseErrors, TimestampFormat timestampFormat) {
    if (failOnMissingField && ignoreParseErrors) {
      throw new IllegalArgumentException("JSON format doesn't support failOnMissingField and ignoreParseErrors are"
          + " both enabled");
    }
    this.resultTypeInfo = Objects.requireNonNull(resultTypeInfo, "resultTypeInfo");
    this.ignoreParseErrors = ignoreParseErrors;
    this.converter = new JsonToRowConverter(rowType, failOnMissingField, timestampFormat);
  }

  @Override
  public void open(InitializationContext context) {
    malformed = MalformedRecords.counterOn(context.getMetricGroup());
  }

  /** Counts skipped records on {@code counter}: a file source's reader gives its own. */
  @Override
  public void setMalformedRecordsCounter(Counter counter) {
    malformed = counter;
  }

  @Override
  public Row deserialize(byte[] message) throws IOException {
    if (mapper == null) {
      // Decimals keep every digit (a DECIMAL(38, 18) must not pass through a double).
      mapper = new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true));
    }
    try {
      if (message == null) {
        throw new IOException("the record is null");
      }
      JsonNode node = mapper.readTree(message);
      return converter.convert(node);
    } catch (IOException | RuntimeException e) {
      if (ignoreParseErrors) {
        if (malformed == null) {
          malformed = MalformedRecords.unregistered();
        }
        malformed.inc();
        return null;
      }
      throw new IOException("Failed to deserialize JSON '" + RecordText.of(message) + "': " + reason(e), e);
    }
  }

  private static String reason(Exception e) {
    if (e instanceof com.fasterxml.jackson.core.JsonProcessingException json) {
      return "not valid JSON (" + json.getOriginalMessage() + ")";
    }
    return e.getMessage();
  }

  @Override
  public boolean isEndOfStream(Row nextElement) {
    return false;
  }

  @Override
  public TypeInformation<Row> getProducedType() {
    return resultTypeInfo;
  }
}
