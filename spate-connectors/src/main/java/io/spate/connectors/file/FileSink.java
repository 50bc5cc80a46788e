package io.spate.connectors.file;

import io.spate.api.common.InvalidProgramException;
import io.spate.api.connector.sink.Committer;
import io.spate.api.connector.sink.CommittingSinkWriter;
import io.spate.api.connector.sink.Sink;
import io.spate.api.connector.sink.StatefulSinkWriter;
import io.spate.api.connector.sink.SupportsCommitter;
import io.spate.api.connector.sink.SupportsWriterState;
import io.spate.api.connector.sink.WriterInitContext;
import io.spate.api.connector.source.SimpleVersionedSerializer;
import io.spate.api.connector.source.VersionedSerializer;
import io.spate.api.serialization.DataInputDeserializer;
import io.spate.api.serialization.DataOutputSerializer;
import io.spate.api.fs.FileSystem;
import io.spate.api.serialization.Encoder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes records as rows, exactly once: each row is what an {@link Encoder} writes ({@link
 * #forRowFormat}, as in Flink) or a line of UTF-8 text that a {@link RowEncoder} makes ({@link
 * #forRows}). Writers fill hidden in-progress files, close them at each checkpoint (they are then
 * pending and stored in the checkpoint), and the committer renames them to their final names once
 * that checkpoint completes (or a bounded input ends).
 *
 * <p>By default the path is a directory in which each subtask writes part files {@code
 * part-<subtask>-<n>} (prefix and suffix from {@link OutputFileConfig}): a new part after every
 * checkpoint, and between checkpoints whenever the {@link DefaultRollingPolicy} says so. In progress
 * a part is the hidden file {@code .part-<subtask>-<n>.inprogress.<uuid>}. Part numbers are never
 * reused, also not after a restore. With {@link DefaultRowFormatBuilder#toSingleFile()} the path is
 * the one output file, written by a single subtask and committed at the end of the input, which
 * suits bounded jobs; checkpoints record how far it was written, and a restore continues it from
 * there.
 *
 * @param <T> the record type
 */
public final class FileSink<T>
    implements Sink<T>, SupportsCommitter<FileSink.PendingFile>, SupportsWriterState<T, FileSink.WriterState> {

  private static final long serialVersionUID = 1L;

  private static final int WRITE_BUFFER_BYTES = 64 * 1024;

  private final String path;
  /** Exactly one of rowEncoder and encoder is set. */
  private final RowEncoder<? super T> rowEncoder;
  private final Encoder<? super T> encoder;
  private final boolean singleFile;
  private final DefaultRollingPolicy<?, ?> rollingPolicy;
  private final OutputFileConfig outputFileConfig;

  private FileSink(DefaultRowFormatBuilder<T> builder) {
    this.path = builder.path;
    this.rowEncoder = builder.rowEncoder;
    this.encoder = builder.encoder;
    this.singleFile = builder.singleFile;
    this.rollingPolicy = builder.rollingPolicy;
    this.outputFileConfig = builder.outputFileConfig;
  }

  /** Starts building a sink that writes each record as the row {@code encoder} makes of it. */
  public static <T> DefaultRowFormatBuilder<T> forRows(String path, RowEncoder<? super T> encoder) {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(encoder, "encoder");
    if (path.isEmpty()) {
      throw new IllegalArgumentException("FileSink: the path is empty");
    }
    return new DefaultRowFormatBuilder<>(path, encoder, null);
  }

  /** Starts building a sink that writes each record as the row {@code encoder} makes of it. */
  public static <T> DefaultRowFormatBuilder<T> forRows(Path path, RowEncoder<? super T> encoder) {
    return forRows(Objects.requireNonNull(path, "path").toString(), encoder);
  }

  /**
   * Starts building a sink that writes each record as the bytes {@code encoder} writes (which
   * include the row delimiter, as {@link io.spate.api.serialization.SimpleStringEncoder}'s newline)
   * into part files in the directory {@code basePath}.
   */
  public static <IN> DefaultRowFormatBuilder<IN> forRowFormat(io.spate.api.fs.Path basePath, Encoder<IN> encoder) {
    Objects.requireNonNull(basePath, "basePath");
    Objects.requireNonNull(encoder, "encoder");
    String directory = FileSystem.getLocalFileSystem().pathToFile(basePath).getPath();
    return new DefaultRowFormatBuilder<>(directory, null, encoder);
  }

  /** The output directory, or the output file of a single-file sink. */
  public String getPath() {
    return path;
  }

  /** Whether the sink writes one file rather than part files in a directory. */
  public boolean isSingleFile() {
    return singleFile;
  }

  /** When part files roll between checkpoints (not used by a single-file sink). */
  public DefaultRollingPolicy<?, ?> getRollingPolicy() {
    return rollingPolicy;
  }

  /** The names of the part files. */
  public OutputFileConfig getOutputFileConfig() {
    return outputFileConfig;
  }

  /** The encoder of one writer: a row encoder's rows need a buffer of their own per writer. */
  private Encoder<? super T> writerEncoder() {
    return rowEncoder != null ? new RowEncoderAdapter<>(rowEncoder) : encoder;
  }

  @Override
  public Writer<T> createWriter(WriterInitContext context) throws IOException {
    return restoreWriter(context, List.of());
  }

  @Override
  public Writer<T> restoreWriter(WriterInitContext context, Collection<WriterState> recoveredState)
      throws IOException {
    LongSupplier clock = context::currentProcessingTime;
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
      createDirectory(file.getParent());
      Writer<T> writer =
          new Writer<>(writerEncoder(), file.getParent(), -1, 0, file.getFileName().toString(), null, null, clock);
      List<WriterState> inProgress = recoveredState.stream().filter(s -> s.inProgressPath() != null).toList();
      if (inProgress.size() > 1) {
        throw new IOException("FileSink: the checkpoint holds " + inProgress.size()
            + " in-progress files for the single file '" + file + "', but one file has one writer");
      }
      if (!inProgress.isEmpty()) {
        writer.resume(inProgress.get(0));
      }
      return writer;
    }
    Path directory = Path.of(path).toAbsolutePath();
    if (Files.exists(directory) && !Files.isDirectory(directory)) {
      throw new IOException(
          "FileSink: '" + path + "' is a file, but the sink writes part files into a directory "
              + "(use toSingleFile() to write one file)");
    }
    createDirectory(directory);
    int subtask = context.getSubtaskId();
    long next = firstFreePartNumber(directory, subtask, outputFileConfig);
    for (WriterState state : recoveredState) {
      // After a rescale a writer may get the states of other subtasks; their counters are not its own.
      if (state.subtask() == subtask) {
        next = Math.max(next, state.nextPartNumber());
      }
    }
    return new Writer<>(writerEncoder(), directory, subtask, next, null, rollingPolicy, outputFileConfig, clock);
  }

  private static void createDirectory(Path directory) throws IOException {
    try {
      Files.createDirectories(directory);
    } catch (FileAlreadyExistsException e) {
      throw new IOException("FileSink: cannot create the output directory '" + directory + "': '" + e.getFile()
          + "' exists and is not a directory", e);
    } catch (IOException e) {
      throw new IOException("FileSink: cannot create the output directory '" + directory + "': " + reason(e), e);
    }
    if (!Files.isWritable(directory)) {
      throw new IOException("FileSink: the output directory '" + directory + "' is not writable");
    }
  }

  /** The cause of a file-system error in words, without the exception class. */
  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException fse && fse.getReason() != null) {
      return (fse.getFile() != null ? "'" + fse.getFile() + "': " : "") + fse.getReason();
    }
    if (e instanceof NoSuchFileException nsf) {
      return "'" + nsf.getFile() + "' does not exist";
    }
    return String.valueOf(e.getMessage());
  }

  /**
   * The part number after every one that subtask {@code subtask} used before, committed or still
   * in progress (a pending file of a restored checkpoint is committed later under its name).
   */
  static long firstFreePartNumber(Path directory, int subtask, OutputFileConfig names) throws IOException {
    String part = Pattern.quote(names.getPartPrefix() + "-" + subtask + "-") + "(\\d{1,18})"
        + Pattern.quote(names.getPartSuffix());
    Pattern name = Pattern.compile(part + "|\\." + part + "\\.inprogress\\..+");
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
  public SimpleVersionedSerializer<WriterState> getWriterStateSerializer() {
    return WRITER_STATE_SERIALIZER;
  }

  @Override
  public String toString() {
    return "FileSink(" + path + (singleFile ? ", single file" : ", " + rollingPolicy) + ")";
  }

  /** Builds a {@link FileSink} (named as Flink's row-format builder). */
  public static final class DefaultRowFormatBuilder<T> {

    private final String path;
    private final RowEncoder<? super T> rowEncoder;
    private final Encoder<? super T> encoder;
    private boolean singleFile;
    private DefaultRollingPolicy<?, ?> rollingPolicy = DefaultRollingPolicy.builder().build();
    private OutputFileConfig outputFileConfig = OutputFileConfig.builder().build();

    private DefaultRowFormatBuilder(String path, RowEncoder<? super T> rowEncoder, Encoder<? super T> encoder) {
      this.path = path;
      this.rowEncoder = rowEncoder;
      this.encoder = encoder;
    }

    /** Writes the one file the path names; the sink must then run with parallelism 1. */
    public DefaultRowFormatBuilder<T> toSingleFile() {
      this.singleFile = true;
      return this;
    }

    /** When part files roll between checkpoints; {@link DefaultRollingPolicy#builder()}'s defaults if not set. */
    public DefaultRowFormatBuilder<T> withRollingPolicy(DefaultRollingPolicy<?, ?> policy) {
      this.rollingPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** The prefix and suffix of the part files' names; {@code part} and none if not set. */
    public DefaultRowFormatBuilder<T> withOutputFileConfig(OutputFileConfig config) {
      this.outputFileConfig = Objects.requireNonNull(config, "config");
      return this;
    }

    /** The sink. */
    public FileSink<T> build() {
      return new FileSink<>(this);
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

  /**
   * What a writer keeps in a checkpoint: the next part number of its subtask, and for a single file
   * the in-progress file and how many of its bytes the checkpoint covers.
   *
   * @param subtask the subtask whose part numbers these are (-1 for a single file)
   * @param nextPartNumber the number the subtask's next part gets
   * @param inProgressPath the single file's in-progress file, or null
   * @param finalPath the single file's final path, or null
   * @param validLength the bytes of the in-progress file written before the checkpoint
   */
  public record WriterState(int subtask, long nextPartNumber, String inProgressPath, String finalPath,
      long validLength) implements Serializable {

    /** Checks that the in-progress fields are all set or all absent. */
    public WriterState {
      if ((inProgressPath == null) != (finalPath == null) || validLength < 0) {
        throw new IllegalArgumentException("FileSink writer state: inconsistent in-progress file " + inProgressPath
            + " -> " + finalPath + " (" + validLength + " bytes)");
      }
    }
  }

  /**
   * Writes rows into an in-progress file; closes it when it rolls, and hands closed files over in
   * {@link #prepareCommit}.
   *
   * @param <T> the record type
   */
  public static final class Writer<T>
      implements CommittingSinkWriter<T, PendingFile>, StatefulSinkWriter<T, WriterState> {

    private final Encoder<? super T> encoder;
    private final Path directory;
    /** The subtask whose part files this writes; -1 for a single file. */
    private final int subtask;
    /** The final name of the single file; null for part files. */
    private final String singleFileName;
    /** When parts roll between checkpoints; null for a single file. */
    private final DefaultRollingPolicy<?, ?> rollingPolicy;
    /** The part files' names; null for a single file. */
    private final OutputFileConfig names;
    private final LongSupplier clock;
    private final PartStream stream = new PartStream(WRITE_BUFFER_BYTES);
    /** Parts closed since the last prepareCommit. */
    private final List<PendingFile> closed = new ArrayList<>();
    private long nextPartNumber;
    private boolean endOfInput;
    /** Whether a checkpoint refers to the open single file, so that only a commit may remove it. */
    private boolean inCheckpoint;
    private Path inProgress;
    private Path finalPath;
    private FileChannel channel;
    /** Whether a part is open: {@link #stream} then writes into {@link #channel}. */
    private boolean open;
    private long openedAt;
    private long lastWriteAt;

    Writer(Encoder<? super T> encoder, Path directory, int subtask, long nextPartNumber, String singleFileName,
        DefaultRollingPolicy<?, ?> rollingPolicy, OutputFileConfig names, LongSupplier clock) {
      this.encoder = encoder;
      this.directory = directory;
      this.subtask = subtask;
      this.nextPartNumber = nextPartNumber;
      this.singleFileName = singleFileName;
      this.rollingPolicy = rollingPolicy;
      this.names = names;
      this.clock = clock;
    }

    @Override
    public void write(T element, Context context) throws IOException {
      long now = 0;
      if (rollingPolicy != null) {
        now = clock.getAsLong();
        if (open && rollingPolicy.shouldRollOnTime(now, openedAt, lastWriteAt)) {
          closed.add(closePart());
        }
      }
      if (!open) {
        open(now);
      }
      encoder.encode(element, stream);
      lastWriteAt = now;
      if (rollingPolicy != null && rollingPolicy.shouldRollOnSize(stream.position())) {
        closed.add(closePart());
      }
    }

    private void open(long now) throws IOException {
      String name = singleFileName != null
          ? singleFileName
          : names.getPartPrefix() + "-" + subtask + "-" + nextPartNumber++ + names.getPartSuffix();
      finalPath = directory.resolve(name);
      inProgress = directory.resolve("." + name + ".inprogress." + UUID.randomUUID());
      try {
        channel = FileChannel.open(inProgress, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      } catch (IOException e) {
        throw new IOException("FileSink: cannot create the in-progress file '" + inProgress + "' in '" + directory
            + "': " + reason(e), e);
      }
      startWriting(now, 0);
    }

    private void startWriting(long now, long bytes) {
      stream.start(channel, bytes);
      open = true;
      openedAt = now;
      lastWriteAt = now;
    }

    /** Continues the single file's in-progress file where the checkpoint of {@code state} left it. */
    void resume(WriterState state) throws IOException {
      Path file = Path.of(state.inProgressPath());
      if (!Path.of(state.finalPath()).equals(directory.resolve(singleFileName))) {
        throw new IOException("FileSink: the checkpoint was taken writing the single file '" + state.finalPath()
            + "', but the sink now writes '" + directory.resolve(singleFileName) + "'");
      }
      if (!Files.exists(file)) {
        throw new IOException("FileSink: cannot continue the single file '" + state.finalPath()
            + "' from the checkpoint: its in-progress file '" + file + "' is gone");
      }
      channel = FileChannel.open(file, StandardOpenOption.WRITE);
      long size = channel.size();
      if (size < state.validLength()) {
        channel.close();
        channel = null;
        throw new IOException("FileSink: cannot continue the single file '" + state.finalPath()
            + "' from the checkpoint: its in-progress file '" + file + "' has " + size
            + " bytes, fewer than the " + state.validLength() + " the checkpoint recorded");
      }
      // Bytes past the checkpoint came from records that the sources replay.
      channel.truncate(state.validLength());
      channel.position(state.validLength());
      inProgress = file;
      finalPath = Path.of(state.finalPath());
      inCheckpoint = true;
      startWriting(0, state.validLength());
    }

    @Override
    public void flush(boolean endOfInput) throws IOException {
      this.endOfInput |= endOfInput;
      if (open) {
        stream.flush();
      }
    }

    @Override
    public Collection<PendingFile> prepareCommit() throws IOException {
      if (singleFileName != null) {
        if (!endOfInput) {
          // The single file grows until the input ends; only then is it final.
          return List.of();
        }
        if (!open) {
          open(0);
        }
        return List.of(closePart());
      }
      if (open) {
        closed.add(closePart());
      }
      List<PendingFile> pending = List.copyOf(closed);
      closed.clear();
      return pending;
    }

    private PendingFile closePart() throws IOException {
      stream.flush();
      channel.force(true);
      channel.close();
      PendingFile pending = new PendingFile(inProgress.toString(), finalPath.toString());
      open = false;
      channel = null;
      inProgress = null;
      inCheckpoint = false;
      return pending;
    }

    @Override
    public List<WriterState> snapshotState(long checkpointId) throws IOException {
      if (singleFileName == null) {
        return List.of(new WriterState(subtask, nextPartNumber, null, null, 0));
      }
      if (!open) {
        return List.of();
      }
      stream.flush();
      channel.force(false);
      inCheckpoint = true;
      return List.of(new WriterState(subtask, 0, inProgress.toString(), finalPath.toString(), channel.size()));
    }

    @Override
    public void close() throws IOException {
      // Rows not handed to the committer are replayed after a restore: their files are garbage,
      // except a single file that a checkpoint continues.
      List<Path> abandoned = new ArrayList<>();
      for (PendingFile file : closed) {
        abandoned.add(Path.of(file.inProgressPath()));
      }
      closed.clear();
      if (open) {
        if (!inCheckpoint) {
          abandoned.add(inProgress);
        }
        open = false;
        try {
          stream.flush();
        } finally {
          channel.close();
          channel = null;
        }
      }
      for (Path file : abandoned) {
        Files.deleteIfExists(file);
      }
    }
  }

  /**
   * The buffered bytes of the open part, counted from the part's start; one per writer, pointed at
   * each new part's channel in turn.
   */
  private static final class PartStream extends OutputStream {

    private final ByteBuffer buffer;
    private FileChannel channel;
    private long position;

    PartStream(int bufferSize) {
      this.buffer = ByteBuffer.allocate(bufferSize);
    }

    void start(FileChannel target, long bytes) {
      buffer.clear();
      channel = target;
      position = bytes;
    }

    /** The bytes written to the part so far, buffered ones included. */
    long position() {
      return position;
    }

    @Override
    public void write(int b) throws IOException {
      if (!buffer.hasRemaining()) {
        flush();
      }
      buffer.put((byte) b);
      position++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      Objects.checkFromIndexSize(offset, length, bytes.length);
      if (length > buffer.remaining()) {
        flush();
      }
      if (length >= buffer.capacity()) {
        writeFully(ByteBuffer.wrap(bytes, offset, length));
      } else {
        buffer.put(bytes, offset, length);
      }
      position += length;
    }

    @Override
    public void flush() throws IOException {
      buffer.flip();
      writeFully(buffer);
      buffer.clear();
    }

    private void writeFully(ByteBuffer bytes) throws IOException {
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
    }

    /** The channel belongs to the writer, which closes it. */
    @Override
    public void close() {}
  }

  /**
   * Writes the row a {@link RowEncoder} makes as UTF-8 with a newline; holds the row and byte
   * buffers of one writer.
   */
  private static final class RowEncoderAdapter<T> implements Encoder<T> {

    private static final long serialVersionUID = 1L;

    private final RowEncoder<? super T> rowEncoder;
    private final transient StringBuilder row = new StringBuilder(256);
    private final transient CharsetEncoder utf8 = StandardCharsets.UTF_8.newEncoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private transient ByteBuffer bytes = ByteBuffer.allocate(1024);

    RowEncoderAdapter(RowEncoder<? super T> rowEncoder) {
      this.rowEncoder = rowEncoder;
    }

    @Override
    public void encode(T element, OutputStream stream) throws IOException {
      row.setLength(0);
      rowEncoder.encode(element, row);
      row.append('\n');
      CharBuffer chars = CharBuffer.wrap(row);
      utf8.reset();
      bytes.clear();
      while (true) {
        CoderResult result = utf8.encode(chars, bytes, true);
        if (result.isOverflow()) {
          bytes = ByteBuffer.allocate(bytes.capacity() * 2).put(bytes.flip());
        } else if (utf8.flush(bytes).isOverflow()) {
          bytes = ByteBuffer.allocate(bytes.capacity() * 2).put(bytes.flip());
        } else {
          break;
        }
      }
      stream.write(bytes.array(), 0, bytes.position());
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
        } catch (IOException e) {
          throw new IOException("FileSink: cannot commit '" + target + "' (renaming '" + source + "'): "
              + reason(e), e);
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

  private static final SimpleVersionedSerializer<WriterState> WRITER_STATE_SERIALIZER =
      new VersionedSerializer<>("FileSink writer state", 1) {
        @Override
        protected void write(WriterState state, DataOutputSerializer out) throws IOException {
          out.writeInt(state.subtask());
          out.writeLong(state.nextPartNumber());
          out.writeBoolean(state.inProgressPath() != null);
          if (state.inProgressPath() != null) {
            out.writeUTF(state.inProgressPath());
            out.writeUTF(state.finalPath());
            out.writeLong(state.validLength());
          }
        }

        @Override
        protected WriterState read(DataInputDeserializer in) throws IOException {
          int subtask = in.readInt();
          long next = in.readLong();
          if (!in.readBoolean()) {
            return new WriterState(subtask, next, null, null, 0);
          }
          return new WriterState(subtask, next, in.readUTF(), in.readUTF(), in.readLong());
        }
      };
}
