package io.spate.connectors.file;

import io.spate.api.connector.source.Boundedness;
import io.spate.api.connector.source.SimpleVersionedSerializer;
import io.spate.api.connector.source.Source;
import io.spate.api.connector.source.SourceReader;
import io.spate.api.connector.source.SourceReaderContext;
import io.spate.api.connector.source.SplitEnumerator;
import io.spate.api.connector.source.SplitEnumeratorContext;
import io.spate.api.typeinfo.ResultTypeQueryable;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.typeinfo.Types;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A source of the lines of text files: one file, or every regular, non-hidden file below a
 * directory, one split per file, lines decoded as UTF-8. Bounded by default; {@link
 * Builder#monitorContinuously} makes it watch the directory for new files.
 */
public final class FileSource
    implements Source<String, FileSourceSplit, FileSourceCheckpoint>, ResultTypeQueryable<String> {

  private static final long serialVersionUID = 1L;

  private final String path;
  private final long monitorIntervalMillis;

  private FileSource(String path, long monitorIntervalMillis) {
    this.path = path;
    this.monitorIntervalMillis = monitorIntervalMillis;
  }

  /** Starts building a source of the lines of the file or directory {@code path}. */
  public static Builder forTextLines(String path) {
    Objects.requireNonNull(path, "path");
    if (path.isEmpty()) {
      throw new IllegalArgumentException("File source: the path is empty");
    }
    return new Builder(path);
  }

  /** Starts building a source of the lines of the file or directory {@code path}. */
  public static Builder forTextLines(Path path) {
    return forTextLines(Objects.requireNonNull(path, "path").toString());
  }

  /** The file or directory read. */
  public String getPath() {
    return path;
  }

  /** How often the path is scanned for new files; empty if it is scanned once. */
  public Optional<Duration> getMonitorInterval() {
    return monitorIntervalMillis > 0 ? Optional.of(Duration.ofMillis(monitorIntervalMillis)) : Optional.empty();
  }

  @Override
  public Boundedness getBoundedness() {
    return monitorIntervalMillis > 0 ? Boundedness.CONTINUOUS_UNBOUNDED : Boundedness.BOUNDED;
  }

  @Override
  public TypeInformation<String> getProducedType() {
    return Types.STRING;
  }

  @Override
  public SourceReader<String, FileSourceSplit> createReader(SourceReaderContext readerContext) {
    return new TextLineFileReader(readerContext);
  }

  @Override
  public SplitEnumerator<FileSourceSplit, FileSourceCheckpoint> createEnumerator(
      SplitEnumeratorContext<FileSourceSplit> enumContext) {
    return new FileSplitEnumerator(
        enumContext, path, monitorIntervalMillis, new FileSourceCheckpoint(List.of(), List.of(), false));
  }

  @Override
  public SplitEnumerator<FileSourceSplit, FileSourceCheckpoint> restoreEnumerator(
      SplitEnumeratorContext<FileSourceSplit> enumContext, FileSourceCheckpoint checkpoint) {
    return new FileSplitEnumerator(enumContext, path, monitorIntervalMillis, checkpoint);
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
    return "FileSource(" + path + (monitorIntervalMillis > 0 ? ", every " + monitorIntervalMillis + " ms" : "")
        + ")";
  }

  /** Builds a {@link FileSource}. */
  public static final class Builder {

    private final String path;
    private long monitorIntervalMillis;

    private Builder(String path) {
      this.path = path;
    }

    /**
     * Makes the source unbounded: it scans the path again every {@code interval} and reads each
     * file that appeared since, once.
     */
    public Builder monitorContinuously(Duration interval) {
      Objects.requireNonNull(interval, "interval");
      if (interval.isNegative() || interval.toMillis() < 1) {
        throw new IllegalArgumentException(
            "File source: the monitoring interval must be at least 1 ms, but is " + interval);
      }
      this.monitorIntervalMillis = interval.toMillis();
      return this;
    }

    /** The source. */
    public FileSource build() {
      return new FileSource(path, monitorIntervalMillis);
    }
  }
}
