package io.spate.connectors.file;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.spate.api.configuration.Configuration;
import io.spate.api.fs.FSDataInputStream;
import io.spate.api.functions.SerializableFunction;
import io.spate.api.functions.SerializableSupplier;
import io.spate.api.metrics.Counter;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.connectors.formats.MalformedRecordCounting;
import io.spate.connectors.formats.MalformedRecords;
import java.io.IOException;
import java.util.Objects;

/**
 * Reads the rows of CSV files as POJOs or records, with Jackson's CSV parser: {@link #forPojo}
 * takes one column per property of the type, in Jackson's order (alphabetical unless the class is
 * annotated with {@code @JsonPropertyOrder}, as in Flink); {@link #forSchema} takes a
 * {@link CsvSchema} (column names and types, separator, quote character, header). A malformed row
 * fails the read with its line number (and the source adds the file), unless {@link
 * #withIgnoreParseErrors()} skips such rows and counts them ({@value MalformedRecords#METRIC_NAME} on
 * the source reader's metric group).
 *
 * @param <T> the record type
 */
public class CsvReaderFormat<T> extends SimpleStreamFormat<T> {

  private static final long serialVersionUID = 1L;

  private final SerializableSupplier<CsvMapper> mapperFactory;
  private final SerializableFunction<CsvMapper, CsvSchema> schemaGenerator;
  private final Class<?> rootType;
  private final TypeInformation<T> typeInformation;
  private final boolean ignoreParseErrors;

  CsvReaderFormat(SerializableSupplier<CsvMapper> mapperFactory,
      SerializableFunction<CsvMapper, CsvSchema> schemaGenerator, Class<?> rootType,
      TypeInformation<T> typeInformation, boolean ignoreParseErrors) {
    this.mapperFactory = Objects.requireNonNull(mapperFactory, "mapperFactory");
    this.schemaGenerator = Objects.requireNonNull(schemaGenerator, "schemaGenerator");
    this.rootType = Objects.requireNonNull(rootType, "rootType");
    this.typeInformation = Objects.requireNonNull(typeInformation, "typeInformation");
    this.ignoreParseErrors = ignoreParseErrors;
  }

  /**
   * Rows of the POJO or record {@code pojoType}: one column per property, in the order of its
   * {@code @JsonPropertyOrder} annotation (else alphabetical), separated by commas, with {@code "}
   * quoting; no header line. A row with fewer or more columns is malformed.
   */
  public static <T> CsvReaderFormat<T> forPojo(Class<T> pojoType) {
    Objects.requireNonNull(pojoType, "pojoType");
    return forSchema(CsvReaderFormat::strictMapper, mapper -> mapper.schemaFor(pojoType), TypeInformation.of(pojoType));
  }

  /**
   * A mapper that rejects a row with fewer columns than the type has properties, rather than leaving
   * them null, and reads {@code java.time} values from ISO-8601 text.
   */
  private static CsvMapper strictMapper() {
    return CsvMapper.builder()
        .enable(CsvParser.Feature.FAIL_ON_MISSING_COLUMNS)
        .addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
        .build();
  }

  /** Rows described by {@code schema}, read as {@code typeInformation}'s class. */
  @Deprecated
  public static <T> CsvReaderFormat<T> forSchema(CsvSchema schema, TypeInformation<T> typeInformation) {
    Objects.requireNonNull(schema, "schema");
    return forSchema(CsvMapper::new, mapper -> schema, typeInformation);
  }

  /**
   * Rows described by the schema {@code schemaGenerator} makes with a mapper from {@code
   * mapperFactory} (which may register modules or features), read as {@code typeInformation}'s class.
   */
  public static <T> CsvReaderFormat<T> forSchema(SerializableSupplier<CsvMapper> mapperFactory,
      SerializableFunction<CsvMapper, CsvSchema> schemaGenerator, TypeInformation<T> typeInformation) {
    Objects.requireNonNull(typeInformation, "typeInformation");
    return new CsvReaderFormat<>(mapperFactory, schemaGenerator, typeInformation.getTypeClass(), typeInformation,
        false);
  }

  /** This format, skipping (and counting) rows that do not parse instead of failing. */
  public CsvReaderFormat<T> withIgnoreParseErrors() {
    return new CsvReaderFormat<>(mapperFactory, schemaGenerator, rootType, typeInformation, true);
  }

  @Override
  public StreamFormat.Reader<T> createReader(Configuration config, FSDataInputStream stream) throws IOException {
    CsvMapper mapper = mapperFactory.get();
    CsvSchema schema = schemaGenerator.apply(mapper);
    MappingIterator<T> rows = mapper.readerFor(rootType).with(schema).readValues(stream);
    return new Reader<>(rows, ignoreParseErrors);
  }

  @Override
  public TypeInformation<T> getProducedType() {
    return typeInformation;
  }

  @Override
  public String toString() {
    return "CsvReaderFormat(" + rootType.getName() + (ignoreParseErrors ? ", ignoring parse errors" : "") + ")";
  }

  /** Reads the rows of one stream. */
  private static final class Reader<T> implements StreamFormat.Reader<T>, MalformedRecordCounting {

    private final MappingIterator<T> rows;
    private final boolean ignoreParseErrors;
    private Counter malformedRecords = MalformedRecords.unregistered();

    Reader(MappingIterator<T> rows, boolean ignoreParseErrors) {
      this.rows = rows;
      this.ignoreParseErrors = ignoreParseErrors;
    }

    @Override
    public T read() throws IOException {
      // A failed row is skipped by the iterator, which resyncs to the row's end; an error that does
      // not move the parser on could repeat for ever, so it ends the read even when ignoring.
      long failedAt = -1;
      while (true) {
        try {
          return rows.hasNextValue() ? rows.nextValue() : null;
        } catch (JsonProcessingException e) {
          long at = rows.getCurrentLocation().getCharOffset();
          if (!ignoreParseErrors || at == failedAt) {
            throw new IOException(describe(e), e);
          }
          failedAt = at;
          malformedRecords.inc();
        }
      }
    }

    @Override
    public void setMalformedRecordsCounter(Counter counter) {
      malformedRecords = counter;
    }

    private String describe(JsonProcessingException e) {
      JsonLocation location = e.getLocation() != null ? e.getLocation() : rows.getCurrentLocation();
      String where = location != null && location.getLineNr() > 0 ? "CSV line " + location.getLineNr() : "CSV row";
      return where + " is malformed: " + e.getOriginalMessage();
    }

    @Override
    public void close() throws IOException {
      rows.close();
    }
  }
}
