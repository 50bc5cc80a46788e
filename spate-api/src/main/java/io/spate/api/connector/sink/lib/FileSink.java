package io.spate.api.connector.sink.lib;

import io.spate.api.common.InvalidProgramException;
import io.spate.api.connector.sink.Committer;
import io.spate.api.connector.sink.CommittingSinkWriter;
import io.spate.api.connector.sink.Sink;
import io.spate.api.connector.sink.SupportsCommitter;
import io.spate.api.connector.sink.WriterInitContext;
import io.spate.api.connector.source.SimpleVersionedSerializer;
import io.spate.api.connector.source.VersionedSerializer;
import io.spate.api.serialization.DataInputDeserializer;
import io.spate.api.serialization.DataOutputSerializer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Serializable;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes records as lines of UTF-8 text, exactly once: writers fill hidden in-progress files and
 * the committer renames them to their final names once a checkpoint (or the end of a bounded input)
 * makes them final.
 *
 * <p>By default the path is a directory in which each subtask writes files {@code
 * part-<subtask>-<n>}, a new one after every checkpoint. With {@link Builder#toSingleFile()} the
 * path is the one output file, written by a single subtask and committed at the end of the input,
 * which suits bounded jobs.
 *
 * @param <T> the record type
 */
public final class FileSink<T> implements Sink<T>, SupportsCommitter<FileSink.PendingFile> {

  private static final long serialVersionUID = 1L;

  private static final int WRITE_BUFFER_CHARS = 64 * 1024;

  private final String path;
  private final RowEncoder<? super T> encoder;
  private final boolean singleFile;

  private FileSink(String path, RowEncoder<? super T> encoder, boolean singleFile) {
    this.path = path;
    this.encoder = encoder;
    this.singleFile = singleFile;
  }

  /** Starts building a sink that writes each record as the row {@code encoder} makes of it. */
  public static <T> Builder<T> forRows(String path, RowEncoder<? super T> encoder) {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(encoder, "encoder");
    if (path.isEmpty()) {
      throw new IllegalArgumentException("FileSink: the path is empty");
    }
    return new Builder<>(path, encoder);
  }

  /** Starts building a sink that writes each record as the row {@code encoder} makes of it. */
  public static <T> Builder<T> forRows(Path path, RowEncoder<? super T> encoder) {
    return forRows(Objects.requireNonNull(path, "path").toString(), encoder);
  }

  /** The output directory, or the output file of a single-file sink. */
  public String getPath() {
    return path;
  }

  /** Whether the sink writes one file rather than part files in a directory. */
  public boolean isSingleFile() {
    return singleFile;
  }

  @Override
  public CommittingSinkWriter<T, PendingFile> createWriter(WriterInitContext context) throws IOException {
    if (singleFile) {
      if (context.getNumberOfParallelSubtasks() != 1) {
        throw new InvalidProgramException(
            "FileSink to the single file '" + path + "' runs with parallelism "
                + context.getNumberOfParallelSubtasks() + ", but one file can only have one writer: "
                + "set the sink's parallelism to 1, or leave out toSingleFile() to write part files "
                + "into a directory");
      }
      Path file = Path.of(path).toAbsolutePath();
      if (Files.isDirectory(file)) {
        throw new IOException("FileSink: '" + path + "' is a directory, but toSingleFile() needs a file path");
      }
      Files.createDirectories(file.getParent());
      return new RowWriter<>(encoder, file.getParent(), null, -1, file.getFileName().toString());
    }
    Path directory = Path.of(path).toAbsolutePath();
    if (Files.exists(directory) && !Files.isDirectory(directory)) {
      throw new IOException(
          "FileSink: '" + path + "' is a file, but the sink writes part files into a directory "
              + "(use toSingleFile() to write one file)");
    }
    Files.createDirectories(directory);
    int subtask = context.getSubtaskId();
    return new RowWriter<>(encoder, directory, subtask, firstFreePartNumber(directory, subtask), null);
  }

  /**
   * The part number after every one that subtask {@code subtask} used before, committed or still
   * in progress (a pending file of a restored checkpoint is committed later under its name).
   */
  static long firstFreePartNumber(Path directory, int subtask) throws IOException {
    Pattern name = Pattern.compile(
        "part-" + subtask + "-(\\d{1,18})|\\.part-" + subtask + "-(\\d{1,18})\\.inprogress\\..+");
    long next = 0;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
      for (Path entry : entries) {
        Matcher m = name.matcher(entry.getFileName().toString());
        if (m.matches()) {
          String number = m.group(1) != null ? m.group(1) : m.group(2);
          next = Math.max(next, Long.parseLong(number) + 1);
        }
      }
    }
    return next;
  }

  @Override
  public Committer<PendingFile> createCommitter() {
    return new RenameCommitter();
  }

  @Override
  public SimpleVersionedSerializer<PendingFile> getCommittableSerializer() {
    return PENDING_FILE_SERIALIZER;
  }

  @Override
  public String toString() {
    return "FileSink(" + path + (singleFile ? ", single file" : "") + ")";
  }

  /** Builds a {@link FileSink}. */
  public static final class Builder<T> {

    private final String path;
    private final RowEncoder<? super T> encoder;
    private boolean singleFile;

    private Builder(String path, RowEncoder<? super T> encoder) {
      this.path = path;
      this.encoder = encoder;
    }

    /** Writes the one file the path names; the sink must then run with parallelism 1. */
    public Builder<T> toSingleFile() {
      this.singleFile = true;
      return this;
    }

    /** The sink. */
    public FileSink<T> build() {
      return new FileSink<>(path, encoder, singleFile);
    }
  }

  /**
   * A written, closed file waiting to be renamed to its final name.
   *
   * @param inProgressPath where the file is now
   * @param finalPath where the commit moves it
   */
  public record PendingFile(String inProgressPath, String finalPath) implements Serializable {

    /** Checks the paths. */
    public PendingFile {
      Objects.requireNonNull(inProgressPath, "inProgressPath");
      Objects.requireNonNull(finalPath, "finalPath");
    }
  }

  /** Writes rows into an in-progress file and hands it over, closed, in {@link #prepareCommit}. */
  private static final class RowWriter<T> implements CommittingSinkWriter<T, PendingFile> {

    private final RowEncoder<? super T> encoder;
    private final Path directory;
    /** The subtask whose part files this writes; null for a single file. */
    private final Integer subtask;
    /** The final name of the single file; null for part files. */
    private final String singleFileName;
    private final StringBuilder row = new StringBuilder(256);
    private long nextPartNumber;
    private boolean endOfInput;
    private Path inProgress;
    private Path finalPath;
    private FileChannel channel;
    private Writer out;

    RowWriter(RowEncoder<? super T> encoder, Path directory, Integer subtask, long nextPartNumber,
        String singleFileName) {
      this.encoder = encoder;
      this.directory = directory;
      this.subtask = subtask;
      this.nextPartNumber = nextPartNumber;
      this.singleFileName = singleFileName;
    }

    @Override
    public void write(T element, Context context) throws IOException {
      if (out == null) {
        open();
      }
      StringBuilder line = row;
      line.setLength(0);
      encoder.encode(element, line);
      line.append('\n');
      out.append(line);
    }

    private void open() throws IOException {
      String name = singleFileName != null ? singleFileName : "part-" + subtask + "-" + nextPartNumber++;
      finalPath = directory.resolve(name);
      inProgress = directory.resolve("." + name + ".inprogress." + UUID.randomUUID());
      channel = FileChannel.open(inProgress, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      out = new BufferedWriter(
          new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8),
          WRITE_BUFFER_CHARS);
    }

    @Override
    public void flush(boolean endOfInput) throws IOException {
      this.endOfInput |= endOfInput;
      if (out != null) {
        out.flush();
      }
    }

    @Override
    public Collection<PendingFile> prepareCommit() throws IOException {
      if (singleFileName != null) {
        if (!endOfInput) {
          // The single file grows until the input ends; only then is it final.
          return List.of();
        }
        if (out == null) {
          open();
        }
      } else if (out == null) {
        return List.of();
      }
      out.flush();
      channel.force(true);
      out.close();
      PendingFile pending = new PendingFile(inProgress.toString(), finalPath.toString());
      out = null;
      channel = null;
      inProgress = null;
      return List.of(pending);
    }

    @Override
    public void close() throws IOException {
      if (out != null) {
        // Rows not handed to the committer are replayed after a restore: this file is garbage.
        Path abandoned = inProgress;
        out.close();
        out = null;
        Files.deleteIfExists(abandoned);
      }
    }
  }

  /** Renames pending files to their final names; a file already renamed counts as committed. */
  private static final class RenameCommitter implements Committer<PendingFile> {

    @Override
    public void commit(Collection<PendingFile> committables) throws IOException {
      for (PendingFile pending : committables) {
        Path source = Path.of(pending.inProgressPath());
        Path target = Path.of(pending.finalPath());
        if (!Files.exists(source)) {
          if (Files.exists(target)) {
            continue;
          }
          throw new IOException(
              "FileSink: cannot commit '" + target + "': its in-progress file '" + source
                  + "' is gone and the final file does not exist");
        }
        try {
          Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static final SimpleVersionedSerializer<PendingFile> PENDING_FILE_SERIALIZER =
      new VersionedSerializer<>("FileSink pending file", 1) {
        @Override
        protected void write(PendingFile pending, DataOutputSerializer out) throws IOException {
          out.writeUTF(pending.inProgressPath());
          out.writeUTF(pending.finalPath());
        }

        @Override
        protected PendingFile read(DataInputDeserializer in) throws IOException {
          return new PendingFile(in.readUTF(), in.readUTF());
        }
      };
}
