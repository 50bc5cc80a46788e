package io.spate.connectors.file;

import io.spate.api.connector.source.Boundedness;
import io.spate.api.connector.source.SimpleVersionedSerializer;
import io.spate.api.connector.source.Source;
import io.spate.api.connector.source.SourceReader;
import io.spate.api.connector.source.SourceReaderContext;
import io.spate.api.connector.source.SplitEnumerator;
import io.spate.api.connector.source.SplitEnumeratorContext;
import io.spate.api.fs.FileSystem;
import io.spate.api.fs.Path;
import io.spate.api.typeinfo.ResultTypeQueryable;
import io.spate.api.typeinfo.TypeInformation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A source of the records of files, read by a format: one file, or every regular, non-hidden file
 * below a directory, one split per file. {@link #forRecordStreamFormat} reads records one at a time
 * from a stream (for example the lines of {@link TextLineInputFormat}, or {@link CsvReaderFormat}'s
 * rows), {@link #forBulkFileFormat} in batches. Bounded by default; {@link
 * FileSourceBuilder#monitorContinuously} makes it watch the paths for new files. Checkpoints store
 * the position after the last record emitted, so a restore resumes exactly there.
 *
 * @param <T> the record type
 */
public final class FileSource<T>
    implements Source<T, FileSourceSplit, FileSourceCheckpoint>, ResultTypeQueryable<T> {

  private static final long serialVersionUID = 1L;

  private final List<String> paths;
  private final BulkFormat<T, FileSourceSplit> format;
  private final long monitorIntervalMillis;

  private FileSource(List<String> paths, BulkFormat<T, FileSourceSplit> format, long monitorIntervalMillis) {
    this.paths = List.copyOf(paths);
    this.format = format;
    this.monitorIntervalMillis = monitorIntervalMillis;
  }

  /** Starts building a source of the lines (UTF-8) of the file or directory {@code path}. */
  public static FileSourceBuilder<String> forTextLines(String path) {
    Objects.requireNonNull(path, "path");
    if (path.isEmpty()) {
      throw new IllegalArgumentException("File source: the path is empty");
    }
    return new FileSourceBuilder<>(List.of(path), new StreamFormatAdapter<>(new TextLineInputFormat()));
  }

  /** Starts building a source of the lines (UTF-8) of the file or directory {@code path}. */
  public static FileSourceBuilder<String> forTextLines(java.nio.file.Path path) {
    return forTextLines(Objects.requireNonNull(path, "path").toString());
  }

  /** Starts building a source that reads the files or directories {@code paths} with {@code streamFormat}. */
  public static <T> FileSourceBuilder<T> forRecordStreamFormat(StreamFormat<T> streamFormat, Path... paths) {
    Objects.requireNonNull(streamFormat, "streamFormat");
    return new FileSourceBuilder<>(localPaths(paths), new StreamFormatAdapter<>(streamFormat));
  }

  /** Starts building a source that reads the files or directories {@code paths} with {@code bulkFormat}. */
  public static <T> FileSourceBuilder<T> forBulkFileFormat(BulkFormat<T, FileSourceSplit> bulkFormat, Path... paths) {
    Objects.requireNonNull(bulkFormat, "bulkFormat");
    return new FileSourceBuilder<>(localPaths(paths), bulkFormat);
  }

  private static List<String> localPaths(Path... paths) {
    Objects.requireNonNull(paths, "paths");
    if (paths.length == 0) {
      throw new IllegalArgumentException("File source: give at least one path to read");
    }
    List<String> local = new ArrayList<>(paths.length);
    for (Path path : paths) {
      Objects.requireNonNull(path, "File source: a path is null");
      local.add(FileSystem.getLocalFileSystem().pathToFile(path).getPath());
    }
    return local;
  }

  /** The first file or directory read. */
  public String getPath() {
    return paths.get(0);
  }

  /** Every file or directory read. */
  public List<String> getPaths() {
    return paths;
  }

  /** The format that reads the files. */
  public BulkFormat<T, FileSourceSplit> getFormat() {
    return format;
  }

  /** How often the paths are scanned for new files; empty if they are scanned once. */
  public Optional<Duration> getMonitorInterval() {
    return monitorIntervalMillis > 0 ? Optional.of(Duration.ofMillis(monitorIntervalMillis)) : Optional.empty();
  }

  @Override
  public Boundedness getBoundedness() {
    return monitorIntervalMillis > 0 ? Boundedness.CONTINUOUS_UNBOUNDED : Boundedness.BOUNDED;
  }

  @Override
  public TypeInformation<T> getProducedType() {
    return format.getProducedType();
  }

  @Override
  public SourceReader<T, FileSourceSplit> createReader(SourceReaderContext readerContext) {
    return new FileSourceReader<>(readerContext, format);
  }

  @Override
  public SplitEnumerator<FileSourceSplit, FileSourceCheckpoint> createEnumerator(
      SplitEnumeratorContext<FileSourceSplit> enumContext) {
    return new FileSplitEnumerator(
        enumContext, paths, monitorIntervalMillis, new FileSourceCheckpoint(List.of(), List.of(), false));
  }

  @Override
  public SplitEnumerator<FileSourceSplit, FileSourceCheckpoint> restoreEnumerator(
      SplitEnumeratorContext<FileSourceSplit> enumContext, FileSourceCheckpoint checkpoint) {
    return new FileSplitEnumerator(enumContext, paths, monitorIntervalMillis, checkpoint);
  }

  @Override
  public SimpleVersionedSerializer<FileSourceSplit> getSplitSerializer() {
    return FileSourceSplit.serializer();
  }

  @Override
  public SimpleVersionedSerializer<FileSourceCheckpoint> getEnumeratorCheckpointSerializer() {
    return FileSourceCheckpoint.serializer();
  }

  @Override
  public String toString() {
    return "FileSource(" + String.join(", ", paths)
        + (monitorIntervalMillis > 0 ? ", every " + monitorIntervalMillis + " ms" : "") + ")";
  }

  /**
   * Builds a {@link FileSource}.
   *
   * @param <T> the record type
   */
  public static final class FileSourceBuilder<T> {

    private final List<String> paths;
    private final BulkFormat<T, FileSourceSplit> format;
    private long monitorIntervalMillis;

    private FileSourceBuilder(List<String> paths, BulkFormat<T, FileSourceSplit> format) {
      this.paths = paths;
      this.format = format;
    }

    /**
     * Makes the source unbounded: it scans the paths again every {@code interval} and reads each
     * file that appeared since, once.
     */
    public FileSourceBuilder<T> monitorContinuously(Duration interval) {
      Objects.requireNonNull(interval, "interval");
      if (interval.isNegative() || interval.toMillis() < 1) {
        throw new IllegalArgumentException(
            "File source: the monitoring interval must be at least 1 ms, but is " + interval);
      }
      this.monitorIntervalMillis = interval.toMillis();
      return this;
    }

    /** Makes the source bounded (the default): it scans the paths once and ends after their files. */
    public FileSourceBuilder<T> processStaticFileSet() {
      this.monitorIntervalMillis = 0;
      return this;
    }

    /** The source. */
    public FileSource<T> build() {
      return new FileSource<>(paths, format, monitorIntervalMillis);
    }
  }
}
