package io.spate.connectors.formats.csv;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.spate.api.functions.SerializableSupplier;

/** The mappers the CSV formats use for POJOs and records unless given their own. */
final class CsvSchemas {

  private CsvSchemas() {}

  /**
   * A mapper that rejects a row with fewer columns than the type has properties, rather than leaving
   * them null, and reads and writes {@code java.time} values as ISO-8601 text.
   */
  static CsvMapper strictMapper() {
    return CsvMapper.builder()
        .enable(CsvParser.Feature.FAIL_ON_MISSING_COLUMNS)
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .build();
  }

  /** The mapper {@code factory} creates, or an error naming the factory if it creates none. */
  static CsvMapper create(SerializableSupplier<CsvMapper> factory) {
    CsvMapper mapper = factory.get();
    if (mapper == null) {
      throw new IllegalStateException("CSV: the CsvMapper factory " + factory + " returned null");
    }
    return mapper;
  }
}
