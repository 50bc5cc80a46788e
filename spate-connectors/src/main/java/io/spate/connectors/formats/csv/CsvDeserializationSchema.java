package io.spate.connectors.formats.csv;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.spate.api.functions.Collector;
import io.spate.api.functions.SerializableFunction;
import io.spate.api.functions.SerializableSupplier;
import io.spate.api.metrics.Counter;
import io.spate.api.serialization.schema.DeserializationSchema;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.connectors.formats.MalformedRecords;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads CSV rows from messages (UTF-8) into POJOs or records, for Kafka and other message connectors:
 * {@link #forPojo} reads one column per property in the order {@link CsvSerializationSchema#forPojo}
 * writes; {@link #forSchema} takes a Jackson {@link CsvSchema}. A message usually holds one row;
 * {@link #deserialize(byte[], Collector)} emits every row of a message that holds several. A row that
 * does not parse fails the read with an {@link IOException} naming the row and what was wrong (the
 * Kafka source adds topic, partition and offset); {@link #withIgnoreParseErrors()} skips such rows
 * instead and counts them as {@value MalformedRecords#METRIC_NAME} on the metric group {@link #open} is
 * given.
 *
 * @param <T> the type of the produced records
 */
public class CsvDeserializationSchema<T> implements DeserializationSchema<T> {

  private static final long serialVersionUID = 1L;

  private final SerializableSupplier<CsvMapper> mapperFactory;
  private final SerializableFunction<CsvMapper, CsvSchema> schemaGenerator;
  private final TypeInformation<T> type;
  private final boolean ignoreParseErrors;
  private transient ObjectReader reader;
  private transient Counter malformedRecords;

  private CsvDeserializationSchema(SerializableSupplier<CsvMapper> mapperFactory,
      SerializableFunction<CsvMapper, CsvSchema> schemaGenerator, TypeInformation<T> type,
      boolean ignoreParseErrors) {
    this.mapperFactory = Objects.requireNonNull(mapperFactory, "mapperFactory");
    this.schemaGenerator = Objects.requireNonNull(schemaGenerator, "schemaGenerator");
    this.type = Objects.requireNonNull(type, "typeInformation");
    this.ignoreParseErrors = ignoreParseErrors;
  }

  /**
   * Rows of the POJO or record {@code pojoType}: one column per property, comma-separated, {@code
   * "}-quoted. A row with fewer or more columns is malformed.
   */
  public static <T> CsvDeserializationSchema<T> forPojo(Class<T> pojoType) {
    Objects.requireNonNull(pojoType, "pojoType");
    return new CsvDeserializationSchema<>(CsvSchemas::strictMapper, mapper -> mapper.schemaFor(pojoType),
        TypeInformation.of(pojoType), false);
  }

  /**
   * Rows described by the schema {@code schemaGenerator} makes with a mapper from {@code
   * mapperFactory}, read as {@code typeInformation}'s class.
   */
  public static <T> CsvDeserializationSchema<T> forSchema(SerializableSupplier<CsvMapper> mapperFactory,
      SerializableFunction<CsvMapper, CsvSchema> schemaGenerator, TypeInformation<T> typeInformation) {
    return new CsvDeserializationSchema<>(mapperFactory, schemaGenerator, typeInformation, false);
  }

  /** This schema expecting {@code separator} between columns instead of a comma. */
  public CsvDeserializationSchema<T> withColumnSeparator(char separator) {
    SerializableFunction<CsvMapper, CsvSchema> base = schemaGenerator;
    return with(m -> base.apply(m).withColumnSeparator(separator), ignoreParseErrors);
  }

  /** This schema expecting fields quoted with {@code quote} instead of {@code "}. */
  public CsvDeserializationSchema<T> withQuoteChar(char quote) {
    SerializableFunction<CsvMapper, CsvSchema> base = schemaGenerator;
    return with(m -> base.apply(m).withQuoteChar(quote), ignoreParseErrors);
  }

  /** This schema treating quote characters as plain text. */
  public CsvDeserializationSchema<T> withoutQuoting() {
    SerializableFunction<CsvMapper, CsvSchema> base = schemaGenerator;
    return with(m -> base.apply(m).withoutQuoteChar(), ignoreParseErrors);
  }

  /** This schema expecting every message to start with a header line, whose names choose the columns. */
  public CsvDeserializationSchema<T> withHeader() {
    SerializableFunction<CsvMapper, CsvSchema> base = schemaGenerator;
    return with(m -> base.apply(m).withHeader(), ignoreParseErrors);
  }

  /** This schema, skipping (and counting) rows that do not parse instead of failing. */
  public CsvDeserializationSchema<T> withIgnoreParseErrors() {
    return with(schemaGenerator, true);
  }

  private CsvDeserializationSchema<T> with(SerializableFunction<CsvMapper, CsvSchema> schema, boolean ignore) {
    return new CsvDeserializationSchema<>(mapperFactory, schema, type, ignore);
  }

  @Override
  public void open(InitializationContext context) {
    CsvMapper mapper = CsvSchemas.create(mapperFactory);
    reader = mapper.readerFor(type.getTypeClass()).with(schemaGenerator.apply(mapper));
    malformedRecords = MalformedRecords.counterOn(context == null ? null : context.getMetricGroup());
  }

  /**
   * The one row of {@code message}; null if it was malformed and parse errors are ignored.
   *
   * @throws IOException if the message is malformed or holds more than one row
   */
  @Override
  public T deserialize(byte[] message) throws IOException {
    List<T> rows = new ArrayList<>(1);
    deserialize(message, new Collector<>() {
      @Override
      public void collect(T record) {
        rows.add(record);
      }

      @Override
      public void close() {}
    });
    if (rows.size() > 1) {
      throw new IOException("a CSV message holds " + rows.size() + " rows where one was expected; the message: "
          + quote(message));
    }
    return rows.isEmpty() ? null : rows.get(0);
  }

  /**
   * Emits every row of {@code message}, skipping malformed ones when parse errors are ignored.
   *
   * @throws IOException naming the row and what could not be parsed, if not ignoring parse errors
   */
  @Override
  public void deserialize(byte[] message, Collector<T> out) throws IOException {
    if (reader == null) {
      open(null);
    }
    if (message == null) {
      malformed("a null message (a tombstone?) holds no CSV row", null);
      return;
    }
    long failedAt = -1;
    try (MappingIterator<T> rows = reader.readValues(message)) {
      while (true) {
        try {
          if (!rows.hasNextValue()) {
            return;
          }
          out.collect(rows.nextValue());
        } catch (JsonProcessingException e) {
          long at = rows.getCurrentLocation().getCharOffset();
          malformed(describe(e, rows, message), e);
          // The iterator skips a failed row; an error that does not move it on would repeat for ever.
          if (at == failedAt) {
            return;
          }
          failedAt = at;
        }
      }
    }
  }

  private String describe(JsonProcessingException e, MappingIterator<T> rows, byte[] message) {
    JsonLocation location = e.getLocation() != null ? e.getLocation() : rows.getCurrentLocation();
    String where = location != null && location.getLineNr() > 0 ? "line " + location.getLineNr() + " of " : "";
    return where + "a CSV message of " + message.length + " bytes is not a valid " + type.getTypeClass().getName()
        + " row: " + e.getOriginalMessage() + "; the message: " + quote(message);
  }

  private static String quote(byte[] message) {
    String text = new String(message, 0, Math.min(message.length, 480), StandardCharsets.UTF_8);
    String shown = text.length() <= 120 ? text : text.substring(0, 120) + "...";
    return "'" + shown.replace("\n", "\\n").replace("\r", "\\r") + "'";
  }

  private void malformed(String what, Exception cause) throws IOException {
    if (!ignoreParseErrors) {
      throw new IOException(what, cause);
    }
    malformedRecords.inc();
  }

  /** Always false: a CSV stream does not end on a record. */
  @Override
  public boolean isEndOfStream(T nextElement) {
    return false;
  }

  @Override
  public TypeInformation<T> getProducedType() {
    return type;
  }
}
