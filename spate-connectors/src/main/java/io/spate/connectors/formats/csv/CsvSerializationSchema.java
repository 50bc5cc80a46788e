package io.spate.connectors.formats.csv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.spate.api.functions.SerializableFunction;
import io.spate.api.functions.SerializableSupplier;
import io.spate.api.serialization.schema.SerializationSchema;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Writes each record as one CSV row (UTF-8, without a trailing line break), for Kafka and other
 * message connectors: {@link #forPojo} writes one column per property of a POJO or record, in the
 * order of its {@code @JsonPropertyOrder} (else alphabetical), the order {@code
 * CsvReaderFormat.forPojo} and {@link CsvDeserializationSchema#forPojo} read; {@link #forSchema} takes
 * a Jackson {@link CsvSchema}. Separator, quote character and header are options. Fields holding the
 * separator, the quote or a line break are quoted, with quotes doubled.
 *
 * @param <T> the type of the serialized records
 */
public class CsvSerializationSchema<T> implements SerializationSchema<T> {

  private static final long serialVersionUID = 1L;

  private final SerializableSupplier<CsvMapper> mapperFactory;
  private final SerializableFunction<CsvMapper, CsvSchema> schemaGenerator;
  private final String typeName;
  private transient ObjectWriter writer;
  private transient CsvSchema schema;

  private CsvSerializationSchema(SerializableSupplier<CsvMapper> mapperFactory,
      SerializableFunction<CsvMapper, CsvSchema> schemaGenerator, String typeName) {
    this.mapperFactory = Objects.requireNonNull(mapperFactory, "mapperFactory");
    this.schemaGenerator = Objects.requireNonNull(schemaGenerator, "schemaGenerator");
    this.typeName = typeName;
  }

  /** Rows of the POJO or record {@code pojoType}: one column per property, comma-separated, {@code "}-quoted. */
  public static <T> CsvSerializationSchema<T> forPojo(Class<T> pojoType) {
    Objects.requireNonNull(pojoType, "pojoType");
    return new CsvSerializationSchema<>(CsvSchemas::strictMapper, mapper -> mapper.schemaFor(pojoType),
        pojoType.getName());
  }

  /**
   * Rows described by the schema {@code schemaGenerator} makes with a mapper from {@code
   * mapperFactory} (which may register modules or features).
   */
  public static <T> CsvSerializationSchema<T> forSchema(SerializableSupplier<CsvMapper> mapperFactory,
      SerializableFunction<CsvMapper, CsvSchema> schemaGenerator) {
    return new CsvSerializationSchema<>(mapperFactory, schemaGenerator, "CSV rows");
  }

  /** This schema with {@code separator} between columns instead of a comma. */
  public CsvSerializationSchema<T> withColumnSeparator(char separator) {
    SerializableFunction<CsvMapper, CsvSchema> base = schemaGenerator;
    return new CsvSerializationSchema<>(mapperFactory, m -> base.apply(m).withColumnSeparator(separator), typeName);
  }

  /** This schema quoting fields with {@code quote} instead of {@code "}. */
  public CsvSerializationSchema<T> withQuoteChar(char quote) {
    SerializableFunction<CsvMapper, CsvSchema> base = schemaGenerator;
    return new CsvSerializationSchema<>(mapperFactory, m -> base.apply(m).withQuoteChar(quote), typeName);
  }

  /** This schema writing fields unquoted; the writer then escapes nothing, so fields must not hold the separator. */
  public CsvSerializationSchema<T> withoutQuoting() {
    SerializableFunction<CsvMapper, CsvSchema> base = schemaGenerator;
    return new CsvSerializationSchema<>(mapperFactory, m -> base.apply(m).withoutQuoteChar(), typeName);
  }

  /** This schema starting every message with a header line that names the columns. */
  public CsvSerializationSchema<T> withHeader() {
    SerializableFunction<CsvMapper, CsvSchema> base = schemaGenerator;
    return new CsvSerializationSchema<>(mapperFactory, m -> base.apply(m).withHeader(), typeName);
  }

  @Override
  public void open(InitializationContext context) {
    writer = createWriter();
  }

  private ObjectWriter createWriter() {
    CsvMapper mapper = CsvSchemas.create(mapperFactory);
    schema = schemaGenerator.apply(mapper);
    return mapper.writer(schema);
  }

  /**
   * The CSV row of {@code element}.
   *
   * @throws IllegalArgumentException naming the record's class if Jackson cannot write it
   */
  @Override
  public byte[] serialize(T element) {
    if (writer == null) {
      writer = createWriter();
    }
    String row;
    try {
      row = writer.writeValueAsString(element);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("CSV: cannot write a record of "
          + (element == null ? "null" : element.getClass().getName()) + " as " + typeName + ": "
          + e.getOriginalMessage(), e);
    }
    int end = row.length();
    if (end > 0 && row.charAt(end - 1) == '\n') {
      end--;
      if (end > 0 && row.charAt(end - 1) == '\r') {
        end--;
      }
    }
    return quoteLeadingByteOrderMark(row.substring(0, end)).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Readers drop a byte order mark at the start of a message, so a row whose first field starts with
   * U+FEFF would lose that character; quoted, the field reads back whole. Jackson left the field
   * unquoted, so it holds no separator, quote or line break and ends at the first of them.
   */
  private String quoteLeadingByteOrderMark(String row) {
    if (row.isEmpty() || row.charAt(0) != '\uFEFF' || !schema.usesQuoteChar()) {
      return row;
    }
    int fieldEnd = 0;
    while (fieldEnd < row.length() && row.charAt(fieldEnd) != schema.getColumnSeparator()
        && row.charAt(fieldEnd) != '\n' && row.charAt(fieldEnd) != '\r') {
      fieldEnd++;
    }
    char quote = (char) schema.getQuoteChar();
    return quote + row.substring(0, fieldEnd) + quote + row.substring(fieldEnd);
  }
}
