package io.spate.connectors.formats.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.spate.api.configuration.Configuration;
import io.spate.api.fs.FSDataInputStream;
import io.spate.api.functions.SerializableSupplier;
import io.spate.api.metrics.Counter;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.connectors.file.CheckpointedPosition;
import io.spate.connectors.file.SimpleStreamFormat;
import io.spate.connectors.file.StreamFormat;
import io.spate.connectors.file.TextLineInputFormat;
import io.spate.connectors.formats.MalformedRecordCounting;
import io.spate.connectors.formats.MalformedRecords;
import java.io.IOException;
import java.util.Objects;

/**
 * Reads files of JSON lines (one JSON value per line, UTF-8, as {@link JsonLinesEncoder} writes them)
 * for {@code FileSource.forRecordStreamFormat}; blank lines are skipped. A checkpoint stores the byte
 * offset of the next line, so a restore seeks straight there. A line that is not JSON of the type
 * fails the read naming its line number (when the file was read from its start) and byte offset; the
 * source adds the file. {@link #withIgnoreParseErrors()} skips such lines instead and counts them as
 * {@value MalformedRecords#METRIC_NAME} on the source reader's metric group.
 *
 * @param <T> the record type
 */
public class JsonLinesInputFormat<T> extends SimpleStreamFormat<T> {

  private static final long serialVersionUID = 1L;

  private final TypeInformation<T> type;
  private final SerializableSupplier<ObjectMapper> mapperFactory;
  private final boolean ignoreParseErrors;

  /** Lines of records of {@code clazz}, read with the default mapper. */
  public JsonLinesInputFormat(Class<T> clazz) {
    this(TypeInformation.of(Objects.requireNonNull(clazz, "clazz")), DefaultJsonMapper::create);
  }

  /** Lines of records of {@code typeInfo}'s class, read with the mapper {@code mapperFactory} creates. */
  public JsonLinesInputFormat(TypeInformation<T> typeInfo, SerializableSupplier<ObjectMapper> mapperFactory) {
    this(typeInfo, mapperFactory, false);
  }

  private JsonLinesInputFormat(TypeInformation<T> type, SerializableSupplier<ObjectMapper> mapperFactory,
      boolean ignoreParseErrors) {
    this.type = Objects.requireNonNull(type, "typeInfo");
    this.mapperFactory = Objects.requireNonNull(mapperFactory, "mapperFactory");
    this.ignoreParseErrors = ignoreParseErrors;
  }

  /** This format, skipping (and counting) malformed lines instead of failing on them. */
  public JsonLinesInputFormat<T> withIgnoreParseErrors() {
    return new JsonLinesInputFormat<>(type, mapperFactory, true);
  }

  @Override
  public StreamFormat.Reader<T> createReader(Configuration config, FSDataInputStream stream) throws IOException {
    boolean fromStart = stream.getPos() == 0;
    TextLineInputFormat.Reader lines = new TextLineInputFormat().createReader(config, stream);
    ObjectReader reader = JsonSerializationSchema.createMapper(mapperFactory).readerFor(type.getTypeClass());
    return new Reader<>(lines, reader, type.getTypeClass().getName(), ignoreParseErrors, fromStart);
  }

  @Override
  public TypeInformation<T> getProducedType() {
    return type;
  }

  @Override
  public String toString() {
    return "JsonLinesInputFormat(" + type.getTypeClass().getName()
        + (ignoreParseErrors ? ", ignoring parse errors" : "") + ")";
  }

  /** Parses the lines of one stream. */
  private static final class Reader<T> implements StreamFormat.Reader<T>, MalformedRecordCounting {

    private final TextLineInputFormat.Reader lines;
    private final ObjectReader reader;
    private final String typeName;
    private final boolean ignoreParseErrors;
    private Counter malformedRecords = MalformedRecords.unregistered();
    /** The number of the last line read; 0 if unknown, after a restore into the middle of the file. */
    private long lineNumber;

    Reader(TextLineInputFormat.Reader lines, ObjectReader reader, String typeName, boolean ignoreParseErrors,
        boolean fromStart) {
      this.lines = lines;
      this.reader = reader;
      this.typeName = typeName;
      this.ignoreParseErrors = ignoreParseErrors;
      this.lineNumber = fromStart ? 0 : -1;
    }

    @Override
    public T read() throws IOException {
      while (true) {
        CheckpointedPosition lineStart = lines.getCheckpointedPosition();
        String line = lines.read();
        if (line == null) {
          return null;
        }
        if (lineNumber >= 0) {
          lineNumber++;
        }
        if (line.isBlank()) {
          continue;
        }
        T record;
        try {
          record = reader.readValue(line);
        } catch (JsonProcessingException e) {
          failOrCount(lineStart, "is not a valid " + typeName + ": " + JsonParseErrors.reason(e, false)
              + "; the line: " + JsonParseErrors.quote(line), e);
          continue;
        }
        if (record == null) {
          failOrCount(lineStart, "is null, not a " + typeName, null);
          continue;
        }
        return record;
      }
    }

    private void failOrCount(CheckpointedPosition lineStart, String what, Exception cause) throws IOException {
      if (ignoreParseErrors) {
        malformedRecords.inc();
        return;
      }
      String where = lineNumber > 0 ? "JSON line " + lineNumber + " (at byte " + lineStart.getOffset() + ")"
          : "the JSON line at byte " + lineStart.getOffset();
      throw new IOException(where + " " + what, cause);
    }

    @Override
    public CheckpointedPosition getCheckpointedPosition() {
      return lines.getCheckpointedPosition();
    }

    @Override
    public void setMalformedRecordsCounter(Counter counter) {
      malformedRecords = counter;
    }

    @Override
    public void close() throws IOException {
      lines.close();
    }
  }
}
