package io.spate.connectors.file;

import io.spate.api.common.InvalidProgramException;
import io.spate.api.connector.sink.Committer;
import io.spate.api.connector.sink.CommittingSinkWriter;
import io.spate.api.connector.sink.Sink;
import io.spate.api.connector.sink.SinkWriter;
import io.spate.api.connector.sink.StatefulSinkWriter;
import io.spate.api.connector.sink.SupportsCommitter;
import io.spate.api.connector.sink.SupportsWriterState;
import io.spate.api.connector.sink.WriterInitContext;
import io.spate.api.connector.source.SimpleVersionedSerializer;
import io.spate.api.connector.source.VersionedSerializer;
import io.spate.api.serialization.DataInputDeserializer;
import io.spate.api.serialization.DataOutputSerializer;
import io.spate.api.fs.FSDataOutputStream;
import io.spate.api.fs.FileSystem;
import io.spate.api.serialization.BulkWriter;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * checkpoint, and between checkpoints whenever the {@link RollingPolicy} ({@link
 * DefaultRollingPolicy} unless set) says so. A {@link BucketAssigner} may put records into
 * sub-directories (buckets), each with a part of its own; {@link #forBulkFormat} encodes parts with
 * a {@link BulkWriter}. In progress a part is the hidden file {@code
 * .part-<subtask>-<n>.inprogress.<uuid>}. Part numbers are never reused, also not after a restore. With {@link DefaultRowFormatBuilder#toSingleFile()} the path is
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

  /** How often open parts are checked for rolling on processing time, unless set: Flink's default. */
  private static final long DEFAULT_BUCKET_CHECK_INTERVAL_MILLIS = 60_000;

  private final String path;
  /** Exactly one of rowEncoder, encoder and bulkWriterFactory is set. */
  private final RowEncoder<? super T> rowEncoder;
  private final Encoder<? super T> encoder;
  private final BulkWriter.Factory<T> bulkWriterFactory;
  private final boolean singleFile;
  private final RollingPolicy<? super T, ?> rollingPolicy;
  private final BucketAssigner<? super T, ?> bucketAssigner;
  private final OutputFileConfig outputFileConfig;
  private final long bucketCheckIntervalMillis;

  private FileSink(String path, RowEncoder<? super T> rowEncoder, Encoder<? super T> encoder,
      BulkWriter.Factory<T> bulkWriterFactory, boolean singleFile, RollingPolicy<? super T, ?> rollingPolicy,
      BucketAssigner<? super T, ?> bucketAssigner, OutputFileConfig outputFileConfig, long bucketCheckIntervalMillis) {
    this.path = path;
    this.rowEncoder = rowEncoder;
    this.encoder = encoder;
    this.bulkWriterFactory = bulkWriterFactory;
    this.singleFile = singleFile;
    this.rollingPolicy = rollingPolicy;
    this.bucketAssigner = bucketAssigner;
    this.outputFileConfig = outputFileConfig;
    this.bucketCheckIntervalMillis = bucketCheckIntervalMillis;
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

  /**
   * Starts building a sink that writes records with a {@link BulkWriter} that {@code
   * bulkWriterFactory} creates for each part file in the directory {@code basePath}; parts roll at
   * every checkpoint.
   */
  public static <IN> DefaultBulkFormatBuilder<IN> forBulkFormat(io.spate.api.fs.Path basePath,
      BulkWriter.Factory<IN> bulkWriterFactory) {
    Objects.requireNonNull(basePath, "basePath");
    Objects.requireNonNull(bulkWriterFactory, "bulkWriterFactory");
    String directory = FileSystem.getLocalFileSystem().pathToFile(basePath).getPath();
    return new DefaultBulkFormatBuilder<>(directory, bulkWriterFactory);
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
  public RollingPolicy<? super T, ?> getRollingPolicy() {
    return rollingPolicy;
  }

  /** Which bucket (sub-directory) each record goes to. */
  public BucketAssigner<? super T, ?> getBucketAssigner() {
    return bucketAssigner;
  }

  /** How often, in milliseconds, open parts are checked for rolling on processing time. */
  public long getBucketCheckInterval() {
    return bucketCheckIntervalMillis;
  }

  /** The names of the part files. */
  public OutputFileConfig getOutputFileConfig() {
    return outputFileConfig;
  }

  /** The encoder of one writer: a row encoder's rows need a buffer of their own per writer; null for bulk. */
  private Encoder<? super T> writerEncoder() {
    return rowEncoder != null ? new RowEncoderAdapter<>(rowEncoder) : encoder;
  }

  /** The settings of one writer of part files. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private PartSettings<T> partSettings(LongSupplier clock) {
    return new PartSettings<>(writerEncoder(), bulkWriterFactory, (RollingPolicy) rollingPolicy,
        (BucketAssigner) bucketAssigner, outputFileConfig, bucketCheckIntervalMillis, clock);
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
      Writer<T> writer = new Writer<>(partSettings(clock), file.getParent(), -1, 0, file.getFileName().toString());
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
    return new Writer<>(partSettings(clock), directory, subtask, next, null);
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
    return "FileSink(" + path + (singleFile ? ", single file" : ", " + rollingPolicy + ", " + bucketAssigner) + ")";
  }

  /** Builds a {@link FileSink} of rows (named as Flink's row-format builder). */
  public static final class DefaultRowFormatBuilder<T> {

    private final String path;
    private final RowEncoder<? super T> rowEncoder;
    private final Encoder<? super T> encoder;
    private boolean singleFile;
    private RollingPolicy<? super T, ?> rollingPolicy = DefaultRollingPolicy.builder().build();
    private BucketAssigner<? super T, ?> bucketAssigner = new BasePathBucketAssigner<>();
    private OutputFileConfig outputFileConfig = OutputFileConfig.builder().build();
    private long bucketCheckInterval = DEFAULT_BUCKET_CHECK_INTERVAL_MILLIS;

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

    /**
     * When part files roll between checkpoints: {@link DefaultRollingPolicy#builder()}'s defaults if
     * not set. A policy of one's own is honoured; parts roll at every checkpoint regardless.
     */
    public DefaultRowFormatBuilder<T> withRollingPolicy(RollingPolicy<? super T, ?> policy) {
      this.rollingPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** Which bucket (sub-directory) each record goes to; the base path itself if not set. */
    public DefaultRowFormatBuilder<T> withBucketAssigner(BucketAssigner<? super T, ?> assigner) {
      this.bucketAssigner = Objects.requireNonNull(assigner, "assigner");
      return this;
    }

    /** Sets the bucket assigner and the rolling policy together (Flink's way of changing the bucket type). */
    public DefaultRowFormatBuilder<T> withNewBucketAssignerAndPolicy(BucketAssigner<? super T, ?> assigner,
        RollingPolicy<? super T, ?> policy) {
      return withBucketAssigner(assigner).withRollingPolicy(policy);
    }

    /** The prefix and suffix of the part files' names; {@code part} and none if not set. */
    public DefaultRowFormatBuilder<T> withOutputFileConfig(OutputFileConfig config) {
      this.outputFileConfig = Objects.requireNonNull(config, "config");
      return this;
    }

    /**
     * How often, in milliseconds, the writer checks every open part for rolling on processing time
     * (it checks the part a record goes to at each record); 60 000 if not set.
     */
    public DefaultRowFormatBuilder<T> withBucketCheckInterval(long interval) {
      this.bucketCheckInterval = checkInterval(interval);
      return this;
    }

    /** The sink. */
    public FileSink<T> build() {
      if (singleFile && !(bucketAssigner instanceof BasePathBucketAssigner<?>)) {
        throw new IllegalStateException("FileSink to the single file '" + path + "' cannot put records into buckets"
            + " (" + bucketAssigner + "): leave out toSingleFile() or withBucketAssigner(...)");
      }
      return new FileSink<>(path, rowEncoder, encoder, null, singleFile, rollingPolicy, bucketAssigner,
          outputFileConfig, bucketCheckInterval);
    }
  }

  /** Builds a {@link FileSink} of bulk-encoded part files (named as Flink's bulk-format builder). */
  public static final class DefaultBulkFormatBuilder<T> {

    private final String path;
    private final BulkWriter.Factory<T> bulkWriterFactory;
    private CheckpointRollingPolicy<? super T, ?> rollingPolicy = OnCheckpointRollingPolicy.build();
    private BucketAssigner<? super T, ?> bucketAssigner = new BasePathBucketAssigner<>();
    private OutputFileConfig outputFileConfig = OutputFileConfig.builder().build();
    private long bucketCheckInterval = DEFAULT_BUCKET_CHECK_INTERVAL_MILLIS;

    private DefaultBulkFormatBuilder(String path, BulkWriter.Factory<T> bulkWriterFactory) {
      this.path = path;
      this.bulkWriterFactory = bulkWriterFactory;
    }

    /** When part files roll besides at every checkpoint: only at checkpoints if not set. */
    public DefaultBulkFormatBuilder<T> withRollingPolicy(CheckpointRollingPolicy<? super T, ?> policy) {
      this.rollingPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** Which bucket (sub-directory) each record goes to; the base path itself if not set. */
    public DefaultBulkFormatBuilder<T> withBucketAssigner(BucketAssigner<? super T, ?> assigner) {
      this.bucketAssigner = Objects.requireNonNull(assigner, "assigner");
      return this;
    }

    /** Sets the bucket assigner (Flink's way of changing the bucket type). */
    public DefaultBulkFormatBuilder<T> withNewBucketAssigner(BucketAssigner<? super T, ?> assigner) {
      return withBucketAssigner(assigner);
    }

    /** The prefix and suffix of the part files' names; {@code part} and none if not set. */
    public DefaultBulkFormatBuilder<T> withOutputFileConfig(OutputFileConfig config) {
      this.outputFileConfig = Objects.requireNonNull(config, "config");
      return this;
    }

    /** How often, in milliseconds, the writer checks every open part for rolling on processing time; 60 000 if not set. */
    public DefaultBulkFormatBuilder<T> withBucketCheckInterval(long interval) {
      this.bucketCheckInterval = checkInterval(interval);
      return this;
    }

    /** The sink. */
    public FileSink<T> build() {
      return new FileSink<>(path, null, null, bulkWriterFactory, false, rollingPolicy, bucketAssigner,
          outputFileConfig, bucketCheckInterval);
    }
  }

  private static long checkInterval(long interval) {
    if (interval <= 0) {
      throw new IllegalArgumentException("FileSink: the bucket check interval must be positive, but is " + interval
          + " ms");
    }
    return interval;
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

  /** What the part writers of one sink writer share; the policy, assigner and names are unused for a single file. */
  private record PartSettings<T>(Encoder<? super T> encoder, BulkWriter.Factory<T> bulkWriterFactory,
      RollingPolicy<T, Object> rollingPolicy, BucketAssigner<T, Object> bucketAssigner, OutputFileConfig names,
      long bucketCheckIntervalMillis, LongSupplier clock) {}

  /**
   * Writes records into one in-progress part per bucket; closes a part when it rolls, and hands
   * closed parts over in {@link #prepareCommit}, which closes every open part.
   *
   * @param <T> the record type
   */
  public static final class Writer<T>
      implements CommittingSinkWriter<T, PendingFile>, StatefulSinkWriter<T, WriterState> {

    /** The bucket key of the single file. */
    private static final Object SINGLE_FILE = "";

    private final PartSettings<T> settings;
    private final Path directory;
    /** The subtask whose part files this writes; -1 for a single file. */
    private final int subtask;
    /** The final name of the single file; null for part files. */
    private final String singleFileName;
    /** The open part of each bucket, by bucket id. */
    private final Map<Object, Part<T>> open = new LinkedHashMap<>();
    /** The bucket directories whose part numbers this writer has looked at. */
    private final Set<Path> scannedBuckets = new HashSet<>();
    /** Parts closed since the last prepareCommit. */
    private final List<PendingFile> closed = new ArrayList<>();
    private final AssignerContext assignerContext = new AssignerContext();
    private long nextPartNumber;
    private boolean endOfInput;
    private long lastBucketCheck;

    Writer(PartSettings<T> settings, Path directory, int subtask, long nextPartNumber, String singleFileName) {
      this.settings = settings;
      this.directory = directory;
      this.subtask = subtask;
      this.nextPartNumber = nextPartNumber;
      this.singleFileName = singleFileName;
      // restoreWriter looked at the base directory's part numbers.
      scannedBuckets.add(directory);
      this.lastBucketCheck = settings.clock().getAsLong();
    }

    @Override
    public void write(T element, Context context) throws IOException {
      if (singleFileName != null) {
        Part<T> part = open.get(SINGLE_FILE);
        if (part == null) {
          part = openPart(SINGLE_FILE, directory, singleFileName, 0);
        }
        part.write(element, settings.encoder(), 0);
        return;
      }
      long now = settings.clock().getAsLong();
      assignerContext.set(now, context);
      Object bucketId = settings.bucketAssigner().getBucketId(element, assignerContext);
      if (bucketId == null) {
        throw new IOException("FileSink: the bucket assigner " + settings.bucketAssigner() + " gave no bucket (null)"
            + " for the record " + element);
      }
      Part<T> part = open.get(bucketId);
      RollingPolicy<T, Object> policy = settings.rollingPolicy();
      if (part != null && (policy.shouldRollOnProcessingTime(part, now) || policy.shouldRollOnEvent(part, element))) {
        closed.add(closePart(bucketId));
        part = null;
      }
      if (part == null) {
        part = openPart(bucketId, now);
      }
      part.write(element, settings.encoder(), now);
      if (now - lastBucketCheck >= settings.bucketCheckIntervalMillis()) {
        lastBucketCheck = now;
        rollPartsDueAt(now);
      }
    }

    /** Closes every open part that the rolling policy says is due at processing time {@code now}. */
    private void rollPartsDueAt(long now) throws IOException {
      List<Object> due = new ArrayList<>();
      for (Map.Entry<Object, Part<T>> entry : open.entrySet()) {
        if (settings.rollingPolicy().shouldRollOnProcessingTime(entry.getValue(), now)) {
          due.add(entry.getKey());
        }
      }
      for (Object bucketId : due) {
        closed.add(closePart(bucketId));
      }
    }

    private Part<T> openPart(Object bucketId, long now) throws IOException {
      Path bucket = bucketDirectory(bucketId);
      OutputFileConfig names = settings.names();
      if (scannedBuckets.add(bucket)) {
        createDirectory(bucket);
        nextPartNumber = Math.max(nextPartNumber, firstFreePartNumber(bucket, subtask, names));
      }
      String name = names.getPartPrefix() + "-" + subtask + "-" + nextPartNumber++ + names.getPartSuffix();
      return openPart(bucketId, bucket, name, now);
    }

    /** The directory of bucket {@code bucketId}: its name below the base directory, which it must not leave. */
    private Path bucketDirectory(Object bucketId) throws IOException {
      String name = bucketId.toString();
      if (name.isEmpty()) {
        return directory;
      }
      Path bucket = directory.resolve(name).normalize();
      if (name.startsWith("/") || name.indexOf('\0') >= 0 || !bucket.startsWith(directory)
          || bucket.equals(directory)) {
        throw new IOException("FileSink: the bucket id '" + name + "' (from " + settings.bucketAssigner()
            + ") does not name a directory below the base path '" + directory + "'");
      }
      return bucket;
    }

    private Part<T> openPart(Object bucketId, Path bucket, String name, long now) throws IOException {
      Path finalPath = bucket.resolve(name);
      Path inProgress = bucket.resolve("." + name + ".inprogress." + UUID.randomUUID());
      FileChannel channel;
      try {
        channel = FileChannel.open(inProgress, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      } catch (IOException e) {
        throw new IOException("FileSink: cannot create the in-progress file '" + inProgress + "' in '" + bucket
            + "': " + reason(e), e);
      }
      Part<T> part = new Part<>(bucketId, inProgress, finalPath, channel, 0, now);
      open.put(bucketId, part);
      part.startBulk(settings.bulkWriterFactory());
      return part;
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
      FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
      long size = channel.size();
      if (size < state.validLength()) {
        channel.close();
        throw new IOException("FileSink: cannot continue the single file '" + state.finalPath()
            + "' from the checkpoint: its in-progress file '" + file + "' has " + size
            + " bytes, fewer than the " + state.validLength() + " the checkpoint recorded");
      }
      // Bytes past the checkpoint came from records that the sources replay.
      channel.truncate(state.validLength());
      channel.position(state.validLength());
      Part<T> part = new Part<>(SINGLE_FILE, file, Path.of(state.finalPath()), channel, state.validLength(), 0);
      part.inCheckpoint = true;
      open.put(SINGLE_FILE, part);
    }

    @Override
    public void flush(boolean endOfInput) throws IOException {
      this.endOfInput |= endOfInput;
      for (Part<T> part : open.values()) {
        part.stream.flush();
      }
    }

    @Override
    public Collection<PendingFile> prepareCommit() throws IOException {
      if (singleFileName != null) {
        if (!endOfInput) {
          // The single file grows until the input ends; only then is it final.
          return List.of();
        }
        if (!open.containsKey(SINGLE_FILE)) {
          openPart(SINGLE_FILE, directory, singleFileName, 0);
        }
        return List.of(closePart(SINGLE_FILE));
      }
      for (Object bucketId : new ArrayList<>(open.keySet())) {
        closed.add(closePart(bucketId));
      }
      List<PendingFile> pending = List.copyOf(closed);
      closed.clear();
      return pending;
    }

    private PendingFile closePart(Object bucketId) throws IOException {
      Part<T> part = open.remove(bucketId);
      part.finish();
      return new PendingFile(part.inProgress.toString(), part.finalPath.toString());
    }

    @Override
    public List<WriterState> snapshotState(long checkpointId) throws IOException {
      if (singleFileName == null) {
        return List.of(new WriterState(subtask, nextPartNumber, null, null, 0));
      }
      Part<T> part = open.get(SINGLE_FILE);
      if (part == null) {
        return List.of();
      }
      part.stream.flush();
      part.channel.force(false);
      part.inCheckpoint = true;
      return List.of(new WriterState(subtask, 0, part.inProgress.toString(), part.finalPath.toString(),
          part.channel.size()));
    }

    @Override
    public void close() throws IOException {
      // Records not handed to the committer are replayed after a restore: their files are garbage,
      // except a single file that a checkpoint continues.
      List<Path> abandoned = new ArrayList<>();
      for (PendingFile file : closed) {
        abandoned.add(Path.of(file.inProgressPath()));
      }
      closed.clear();
      IOException failure = null;
      for (Part<T> part : open.values()) {
        if (!part.inCheckpoint) {
          abandoned.add(part.inProgress);
        }
        try {
          part.stream.flush();
        } catch (IOException e) {
          failure = failure == null ? e : failure;
        } finally {
          part.channel.close();
        }
      }
      open.clear();
      for (Path file : abandoned) {
        Files.deleteIfExists(file);
      }
      if (failure != null) {
        throw failure;
      }
    }
  }

  /**
   * One open part file: its channel, the buffered stream into it, and a bulk writer on that stream
   * for a bulk format.
   */
  private static final class Part<T> implements PartFileInfo<Object> {

    final Object bucketId;
    final Path inProgress;
    final Path finalPath;
    final FileChannel channel;
    final PartStream stream;
    final long createdAt;
    long lastWriteAt;
    /** Whether a checkpoint refers to this (single) file, so that only a commit may remove it. */
    boolean inCheckpoint;
    private BulkWriter<T> bulk;

    Part(Object bucketId, Path inProgress, Path finalPath, FileChannel channel, long bytes, long now) {
      this.bucketId = bucketId;
      this.inProgress = inProgress;
      this.finalPath = finalPath;
      this.channel = channel;
      this.stream = new PartStream(WRITE_BUFFER_BYTES, channel, bytes);
      this.createdAt = now;
      this.lastWriteAt = now;
    }

    void startBulk(BulkWriter.Factory<T> factory) throws IOException {
      if (factory != null) {
        bulk = factory.create(stream);
        if (bulk == null) {
          throw new IOException("FileSink: the bulk writer factory " + factory + " created no writer (null) for '"
              + finalPath + "'");
        }
      }
    }

    void write(T element, Encoder<? super T> encoder, long now) throws IOException {
      if (bulk != null) {
        bulk.addElement(element);
      } else {
        encoder.encode(element, stream);
      }
      lastWriteAt = now;
    }

    /** Finishes the bulk encoding, writes everything to disk and closes the file. */
    void finish() throws IOException {
      try {
        if (bulk != null) {
          bulk.finish();
        }
        stream.flush();
        channel.force(true);
      } finally {
        channel.close();
      }
    }

    @Override
    public Object getBucketId() {
      return bucketId;
    }

    @Override
    public long getCreationTime() {
      return createdAt;
    }

    @Override
    public long getSize() {
      return stream.position();
    }

    @Override
    public long getLastUpdateTime() {
      return lastWriteAt;
    }
  }

  /** What a bucket assigner knows of the record being written; one per writer, updated for each record. */
  private static final class AssignerContext implements BucketAssigner.Context {

    private long processingTime;
    private SinkWriter.Context context;

    void set(long processingTime, SinkWriter.Context context) {
      this.processingTime = processingTime;
      this.context = context;
    }

    @Override
    public long currentProcessingTime() {
      return processingTime;
    }

    @Override
    public long currentWatermark() {
      return context.currentWatermark();
    }

    @Override
    public Long timestamp() {
      return context.timestamp();
    }
  }

  /**
   * The buffered bytes of one part, counted from the part's start; a bulk writer writes to it as its
   * {@link FSDataOutputStream}.
   */
  private static final class PartStream extends FSDataOutputStream {

    private final ByteBuffer buffer;
    private final FileChannel channel;
    private long position;

    PartStream(int bufferSize, FileChannel channel, long bytes) {
      this.buffer = ByteBuffer.allocate(bufferSize);
      this.channel = channel;
      this.position = bytes;
    }

    /** The bytes written to the part so far, buffered ones included. */
    long position() {
      return position;
    }

    @Override
    public long getPos() {
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

    @Override
    public void sync() throws IOException {
      flush();
      channel.force(false);
    }

    private void writeFully(ByteBuffer bytes) throws IOException {
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
    }

    /** The channel belongs to the part, which closes it. */
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
