package io.spate.api.connector.sink.lib;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.connector.sink.Sink;
import io.spate.api.connector.sink.SinkWriter;
import io.spate.api.connector.sink.WriterInitContext;
import io.spate.api.fs.FileSystem;
import io.spate.api.fs.FileSystem.WriteMode;
import io.spate.api.fs.LocalFileSystem;
import io.spate.api.fs.Path;
import io.spate.api.functions.SerializableFunction;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The sink of {@code DataStream.writeAsText} and {@code writeAsCsv}: each record as a UTF-8 row (its
 * {@code String.valueOf}, or what a row format makes of it) ended by a row delimiter,
 * into the file {@code path} when the sink runs with parallelism 1, else into the files {@code
 * path/1}, {@code path/2}, ... (one per subtask, numbered from 1), as Flink's text output does. It
 * writes as records arrive and, as in Flink, takes no part in checkpoints: a restarted subtask
 * creates its file again (with {@link WriteMode#NO_OVERWRITE} it then fails, as the file exists).
 * {@code FileSink} writes exactly once.
 *
 * @param <T> the record type
 */
@PublicEvolving
public final class TextOutputSink<T> implements Sink<T> {

  private static final long serialVersionUID = 1L;

  private static final int BUFFER_BYTES = 64 * 1024;

  private final String path;
  private final WriteMode writeMode;
  private final SerializableFunction<? super T, String> rowFormat;
  private final String rowDelimiter;

  /** Writes lines to the local path {@code path}; {@code writeMode} says whether an existing file is replaced. */
  public TextOutputSink(String path, WriteMode writeMode) {
    this(path, writeMode, String::valueOf, "\n");
  }

  /** Writes the rows {@code rowFormat} makes, each followed by {@code rowDelimiter}. */
  public TextOutputSink(String path, WriteMode writeMode, SerializableFunction<? super T, String> rowFormat,
      String rowDelimiter) {
    Objects.requireNonNull(path, "path");
    this.writeMode = Objects.requireNonNull(writeMode, "writeMode");
    this.rowFormat = Objects.requireNonNull(rowFormat, "rowFormat");
    this.rowDelimiter = Objects.requireNonNull(rowDelimiter, "rowDelimiter");
    // Parsing here rejects an empty path or another scheme when the job is built, not when it runs.
    FileSystem.getLocalFileSystem().pathToFile(new Path(path));
    this.path = path;
  }

  /** The file, or the directory of the subtasks' files. */
  public String getPath() {
    return path;
  }

  /** Whether existing files are replaced. */
  public WriteMode getWriteMode() {
    return writeMode;
  }

  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
    LocalFileSystem fs = FileSystem.getLocalFileSystem();
    Path target = new Path(path);
    if (context.getNumberOfParallelSubtasks() > 1) {
      target = new Path(target, String.valueOf(context.getSubtaskId() + 1));
    }
    OutputStream out;
    try {
      out = fs.create(target, writeMode);
    } catch (java.nio.file.FileAlreadyExistsException e) {
      throw new IOException("writeAsText: the output file '" + fs.pathToFile(target) + "' exists; pass "
          + "WriteMode.OVERWRITE to replace it", e);
    }
    return new Writer<>(new BufferedOutputStream(out, BUFFER_BYTES), rowFormat,
        rowDelimiter.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "TextOutputSink(" + path + ", " + writeMode + ")";
  }

  /** Writes the lines of one subtask. */
  private static final class Writer<T> implements SinkWriter<T> {

    private final OutputStream out;
    private final SerializableFunction<? super T, String> rowFormat;
    private final byte[] rowDelimiter;

    Writer(OutputStream out, SerializableFunction<? super T, String> rowFormat, byte[] rowDelimiter) {
      this.out = out;
      this.rowFormat = rowFormat;
      this.rowDelimiter = rowDelimiter;
    }

    @Override
    public void write(T element, Context context) throws IOException {
      out.write(rowFormat.apply(element).getBytes(StandardCharsets.UTF_8));
      out.write(rowDelimiter);
    }

    @Override
    public void flush(boolean endOfInput) throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }
}
