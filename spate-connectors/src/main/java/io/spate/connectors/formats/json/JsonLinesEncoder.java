package io.spate.connectors.formats.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.spate.api.functions.SerializableSupplier;
import io.spate.api.serialization.Encoder;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Writes each record as one line of JSON (UTF-8, ending in {@code \n}), for {@code
 * FileSink.forRowFormat}: the files {@link JsonLinesInputFormat} reads. Jackson never writes a raw
 * line break inside a value, so every record is one line.
 *
 * @param <T> the record type
 */
public class JsonLinesEncoder<T> implements Encoder<T> {

  private static final long serialVersionUID = 1L;

  private final JsonSerializationSchema<T> schema;

  /** Lines written with the default mapper. */
  public JsonLinesEncoder() {
    this.schema = new JsonSerializationSchema<>();
  }

  /** Lines written with the mapper {@code mapperFactory} creates; it must not indent its output. */
  public JsonLinesEncoder(SerializableSupplier<ObjectMapper> mapperFactory) {
    this.schema = new JsonSerializationSchema<>(Objects.requireNonNull(mapperFactory, "mapperFactory"));
  }

  @Override
  public void encode(T element, OutputStream stream) throws IOException {
    byte[] json = schema.serialize(element);
    for (byte b : json) {
      if (b == '\n') {
        throw new IOException("JSON lines: the mapper wrote a line break inside the JSON of a "
            + element.getClass().getName() + " (does it indent its output?); each record must be one line");
      }
    }
    stream.write(json);
    stream.write('\n');
  }
}
