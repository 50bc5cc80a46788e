package io.spate.connectors.formats.csv;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.spate.api.fs.FSDataOutputStream;
import io.spate.api.serialization.BulkWriter;
import java.io.IOException;
import java.util.Objects;

/**
 * Factories of {@link BulkWriter}s that write CSV part files for {@code FileSink.forBulkFormat}: one
 * row per record, UTF-8, {@code \n} after each row, and a header line first if the schema has one.
 * The files are what {@code CsvReaderFormat} reads.
 */
public final class CsvBulkWriters {

  private CsvBulkWriters() {}

  /**
   * Rows of the POJO or record {@code pojoClass}: one column per property, in the order of its {@code
   * @JsonPropertyOrder} (else alphabetical), comma-separated, {@code "}-quoted, no header.
   */
  public static <T> BulkWriter.Factory<T> forPojo(Class<T> pojoClass) {
    Objects.requireNonNull(pojoClass, "pojoClass");
    CsvMapper mapper = CsvSchemas.strictMapper();
    return forSchema(mapper, mapper.schemaFor(pojoClass));
  }

  /** Rows described by {@code schema} (separator, quoting, header, columns), written by a new {@link CsvMapper}. */
  public static <T> BulkWriter.Factory<T> forSchema(CsvSchema schema) {
    return forSchema(new CsvMapper(), schema);
  }

  /** Rows described by {@code schema}, written by {@code mapper} (with its modules and features). */
  public static <T> BulkWriter.Factory<T> forSchema(CsvMapper mapper, CsvSchema schema) {
    Objects.requireNonNull(mapper, "mapper");
    Objects.requireNonNull(schema, "schema");
    return out -> new Writer<>(
        mapper.writer(schema).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValues(out), out);
  }

  /** Writes the rows of one part file. */
  private static final class Writer<T> implements BulkWriter<T> {

    private final SequenceWriter rows;
    private final FSDataOutputStream out;

    Writer(SequenceWriter rows, FSDataOutputStream out) {
      this.rows = rows;
      this.out = out;
    }

    @Override
    public void addElement(T element) throws IOException {
      rows.write(element);
    }

    @Override
    public void flush() throws IOException {
      rows.flush();
      out.flush();
    }

    @Override
    public void finish() throws IOException {
      rows.close(); // closes Jackson's generator, not the part's stream (AUTO_CLOSE_TARGET is off)
      out.flush();
    }
  }
}
