package io.spate.connectors.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.spate.api.connector.sink.Committer;
import io.spate.api.connector.sink.lib.TestWriterContext;
import io.spate.api.connector.source.SimpleVersionedSerializer;
import io.spate.api.fs.FSDataOutputStream;
import io.spate.api.functions.SerializableFunction;
import io.spate.api.serialization.BasicValueGenerators;
import io.spate.api.serialization.BulkWriter;
import io.spate.api.serialization.SimpleStringEncoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file sink's buckets, rolling policies of the user's own, the bucket check interval, and bulk
 * formats: which part files a writer makes, where, and what they hold once committed.
 */
class FileSinkBucketsTest {

  @TempDir Path dir;

  private final AtomicLong clock = new AtomicLong();

  private io.spate.api.fs.Path base() {
    return new io.spate.api.fs.Path(dir.toString());
  }

  private <T> FileSink.Writer<T> writer(FileSink<T> sink, int subtask) throws IOException {
    return sink.createWriter(new TestWriterContext(subtask, 2, clock::get));
  }

  private static <T> void write(FileSink.Writer<T> writer, List<T> records) throws Exception {
    for (T record : records) {
      writer.write(record, TestWriterContext.NO_TIME);
    }
  }

  private static <T> Collection<FileSink.PendingFile> barrier(FileSink.Writer<T> writer) throws Exception {
    writer.flush(false);
    return writer.prepareCommit();
  }

  private static void commit(FileSink<?> sink, Collection<FileSink.PendingFile> pending) throws Exception {
    try (Committer<FileSink.PendingFile> committer = sink.createCommitter()) {
      committer.commit(pending);
    }
  }

  /** The committed files below the base directory, as relative paths. */
  private List<String> visibleFiles() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .map(p -> dir.relativize(p).toString().replace('\\', '/'))
          .sorted().toList();
    }
  }

  private String read(String relative) throws IOException {
    return Files.readString(dir.resolve(relative), StandardCharsets.UTF_8);
  }

  /** Buckets records by what a function makes of them. */
  static class ByRecord implements BucketAssigner<String, String> {
    private static final long serialVersionUID = 1L;
    private final SerializableFunction<String, String> bucket;

    ByRecord(SerializableFunction<String, String> bucket) {
      this.bucket = bucket;
    }

    @Override
    public String getBucketId(String element, BucketAssigner.Context context) {
      return bucket.apply(element);
    }

    @Override
    public SimpleVersionedSerializer<String> getSerializer() {
      return SimpleVersionedStringSerializer.INSTANCE;
    }
  }

  /** Buckets records by their first letter. */
  static final class FirstLetter extends ByRecord {
    private static final long serialVersionUID = 1L;

    FirstLetter() {
      super(record -> record.substring(0, 1));
    }
  }

  @Test
  void eachBucketIsASubDirectoryWithAPartOfItsOwn() throws Exception {
    FileSink<String> sink = FileSink.forRowFormat(base(), new SimpleStringEncoder<String>())
        .withBucketAssigner(new FirstLetter()).build();
    FileSink.Writer<String> writer = writer(sink, 1);
    write(writer, List.of("apple", "banana", "avocado", "blueberry", "cherry"));
    commit(sink, barrier(writer));
    writer.close();
    assertThat(visibleFiles()).containsExactly("a/part-1-0", "b/part-1-1", "c/part-1-2");
    assertThat(read("a/part-1-0")).isEqualTo("apple\navocado\n");
    assertThat(read("b/part-1-1")).isEqualTo("banana\nblueberry\n");
    assertThat(read("c/part-1-2")).isEqualTo("cherry\n");

    // A new writer numbers its parts after those already in a bucket, also in a bucket it had not seen.
    FileSink.Writer<String> next = writer(sink, 1);
    write(next, List.of("cranberry"));
    commit(sink, barrier(next));
    next.close();
    assertThat(visibleFiles()).contains("c/part-1-3");
  }

  @Test
  void theDateTimeAssignerBucketsByTheProcessingTimeInItsZone() throws Exception {
    FileSink<String> sink = FileSink.forRowFormat(base(), new SimpleStringEncoder<String>())
        .withBucketAssigner(new DateTimeBucketAssigner<>("yyyy-MM-dd--HH", ZoneOffset.UTC)).build();
    FileSink.Writer<String> writer = writer(sink, 0);
    clock.set(Instant.parse("2024-03-05T10:59:59Z").toEpochMilli());
    write(writer, List.of("x"));
    clock.set(Instant.parse("2024-03-05T11:00:00Z").toEpochMilli());
    write(writer, List.of("y"));
    commit(sink, barrier(writer));
    assertThat(visibleFiles()).containsExactly("2024-03-05--10/part-0-0", "2024-03-05--11/part-0-1");
    assertThat(new DateTimeBucketAssigner<String>(ZoneId.of("Asia/Kolkata")).getBucketId("x",
        context(Instant.parse("2024-03-05T10:45:00Z").toEpochMilli()))).isEqualTo("2024-03-05--16");
    assertThat(new BasePathBucketAssigner<String>().getBucketId("x", context(0))).isEmpty();
  }

  private static BucketAssigner.Context context(long processingTime) {
    return new BucketAssigner.Context() {
      @Override
      public long currentProcessingTime() {
        return processingTime;
      }

      @Override
      public long currentWatermark() {
        return Long.MIN_VALUE;
      }

      @Override
      public Long timestamp() {
        return null;
      }
    };
  }

  /** Rolls before a record that starts with '!', and 50 ms after a part opened. */
  static final class BangOrFiftyMillis implements RollingPolicy<String, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean shouldRollOnCheckpoint(PartFileInfo<String> partFileState) {
      return false;
    }

    @Override
    public boolean shouldRollOnEvent(PartFileInfo<String> partFileState, String element) {
      return element.startsWith("!");
    }

    @Override
    public boolean shouldRollOnProcessingTime(PartFileInfo<String> partFileState, long currentTime) {
      return currentTime - partFileState.getCreationTime() >= 50;
    }
  }

  @Test
  void aRollingPolicyOfTheUsersOwnDecidesBeforeEachRecordAndCheckpointsRollAnyway() throws Exception {
    FileSink<String> sink = FileSink.forRowFormat(base(), new SimpleStringEncoder<String>())
        .withRollingPolicy(new BangOrFiftyMillis()).build();
    FileSink.Writer<String> writer = writer(sink, 0);
    write(writer, List.of("a", "b", "!c", "d"));
    clock.set(49);
    write(writer, List.of("e"));
    clock.set(50);
    write(writer, List.of("f"));
    Collection<FileSink.PendingFile> first = barrier(writer);
    write(writer, List.of("g"));
    commit(sink, first);
    commit(sink, barrier(writer));
    assertThat(visibleFiles()).containsExactly("part-0-0", "part-0-1", "part-0-2", "part-0-3");
    assertThat(read("part-0-0")).isEqualTo("a\nb\n");
    assertThat(read("part-0-1")).isEqualTo("!c\nd\ne\n");
    assertThat(read("part-0-2")).isEqualTo("f\n");
    assertThat(read("part-0-3")).as("the checkpoint closed the part the policy kept open").isEqualTo("g\n");
  }

  @Test
  void theOnCheckpointPolicyKeepsOnePartPerBucketBetweenCheckpoints() throws Exception {
    FileSink<String> sink = FileSink.forRowFormat(base(), new SimpleStringEncoder<String>())
        .withRollingPolicy(OnCheckpointRollingPolicy.build()).withBucketAssigner(new FirstLetter()).build();
    FileSink.Writer<String> writer = writer(sink, 0);
    for (int i = 0; i < 1_000; i++) {
      clock.set(i * 1_000L);
      write(writer, List.of("a" + i, "b" + i));
    }
    commit(sink, barrier(writer));
    assertThat(visibleFiles()).containsExactly("a/part-0-0", "b/part-0-1");
    assertThat(read("a/part-0-0").lines()).hasSize(1_000).startsWith("a0").endsWith("a999");
  }

  /** The sizes on disk of the in-progress (hidden) files in {@code bucket}. */
  private static List<Long> inProgressSizes(Path bucket) throws IOException {
    try (Stream<Path> files = Files.list(bucket)) {
      return files.filter(p -> p.getFileName().toString().startsWith(".")).map(p -> {
        try {
          return Files.size(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).toList();
    }
  }

  @Test
  void everyBucketCheckIntervalTheOpenPartsOfOtherBucketsRollOnTime() throws Exception {
    for (long interval : List.of(10L, 10_000L)) {
      Path out = dir.resolve("interval-" + interval);
      FileSink<String> sink = FileSink.forRowFormat(new io.spate.api.fs.Path(out.toString()),
              new SimpleStringEncoder<String>())
          .withBucketAssigner(new FirstLetter())
          .withRollingPolicy(DefaultRollingPolicy.builder().withRolloverInterval(Duration.ofMillis(50)).build())
          .withBucketCheckInterval(interval).build();
      clock.set(0);
      FileSink.Writer<String> writer = writer(sink, 0);
      write(writer, List.of("a1", "b1"));
      clock.set(100);
      write(writer, List.of("b2"));
      // A rolled part is closed: its bytes are on disk. An open part still holds them in its buffer.
      long expectedSize = interval == 10 ? 3 : 0;
      assertThat(inProgressSizes(out.resolve("a"))).as("bucket a with a check interval of %s ms", interval)
          .containsExactly(expectedSize);
      writer.close();
    }
    assertThatThrownBy(() -> FileSink.forRowFormat(base(), new SimpleStringEncoder<String>()).withBucketCheckInterval(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bucket check interval");
  }

  @Test
  void aBucketIdThatLeavesTheBasePathOrIsNullFailsNamingIt() throws Exception {
    BucketAssigner<String, String> escaping = new ByRecord(record -> record);
    FileSink<String> sink = FileSink.forRowFormat(base(), new SimpleStringEncoder<String>())
        .withBucketAssigner(escaping).build();
    FileSink.Writer<String> writer = writer(sink, 0);
    assertThatThrownBy(() -> write(writer, List.of("../outside")))
        .isInstanceOf(IOException.class).hasMessageContaining("'../outside'").hasMessageContaining("base path");
    assertThatThrownBy(() -> write(writer, List.of("/etc")))
        .isInstanceOf(IOException.class).hasMessageContaining("'/etc'");
    BucketAssigner<String, String> none = new ByRecord(record -> null);
    FileSink.Writer<String> nulls = writer(FileSink.forRowFormat(base(), new SimpleStringEncoder<String>())
        .withBucketAssigner(none).build(), 0);
    assertThatThrownBy(() -> write(nulls, List.of("r")))
        .isInstanceOf(IOException.class).hasMessageContaining("no bucket (null)").hasMessageContaining("r");
    assertThatThrownBy(() -> FileSink.forRows(dir.resolve("one.txt"), RowEncoder.<String>toStringEncoder())
        .toSingleFile().withBucketAssigner(new FirstLetter()).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("single file");
  }

  /** Writes "[" when created, the records joined by commas, and "]" when finished; counts flushes. */
  static final class Bracketed implements BulkWriter.Factory<String> {
    private static final long serialVersionUID = 1L;

    @Override
    public BulkWriter<String> create(FSDataOutputStream out) throws IOException {
      out.write('[');
      return new BulkWriter<>() {
        private boolean first = true;

        @Override
        public void addElement(String element) throws IOException {
          out.write(((first ? "" : ",") + element).getBytes(StandardCharsets.UTF_8));
          first = false;
        }

        @Override
        public void flush() {}

        @Override
        public void finish() throws IOException {
          out.write(']');
        }
      };
    }
  }

  /** Rolls before every third record of a part, besides at checkpoints. */
  static final class EveryThird extends CheckpointRollingPolicy<String, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean shouldRollOnEvent(PartFileInfo<String> partFileState, String element) throws IOException {
      // "[x" is 2 bytes, "[x,y" 4: a part with two one-letter records holds 4 bytes.
      return partFileState.getSize() >= 4;
    }

    @Override
    public boolean shouldRollOnProcessingTime(PartFileInfo<String> partFileState, long currentTime) {
      return false;
    }
  }

  @Test
  void aBulkFormatFinishesEveryPartAtACheckpointAndWhenItsPolicyRolls() throws Exception {
    FileSink<String> sink = FileSink.forBulkFormat(base(), new Bracketed()).withBucketAssigner(new FirstLetter())
        .build();
    FileSink.Writer<String> writer = writer(sink, 0);
    write(writer, List.of("a", "b", "a"));
    Collection<FileSink.PendingFile> first = barrier(writer);
    write(writer, List.of("a"));
    commit(sink, first);
    commit(sink, barrier(writer));
    assertThat(visibleFiles()).containsExactly("a/part-0-0", "a/part-0-2", "b/part-0-1");
    assertThat(read("a/part-0-0")).isEqualTo("[a,a]");
    assertThat(read("b/part-0-1")).isEqualTo("[b]");
    assertThat(read("a/part-0-2")).isEqualTo("[a]");

    FileSink<String> rolling = FileSink.forBulkFormat(new io.spate.api.fs.Path(dir.resolve("rolling").toString()),
        new Bracketed()).withRollingPolicy(new EveryThird()).build();
    FileSink.Writer<String> rollingWriter = writer(rolling, 0);
    write(rollingWriter, List.of("x", "y", "z"));
    commit(rolling, barrier(rollingWriter));
    assertThat(Files.readString(dir.resolve("rolling/part-0-0"))).isEqualTo("[x,y]");
    assertThat(Files.readString(dir.resolve("rolling/part-0-1"))).isEqualTo("[z]");
  }

  @Test
  void bucketIdsRoundTripThroughTheStringSerializer() {
    SimpleVersionedStringSerializer serializer = SimpleVersionedStringSerializer.INSTANCE;
    qt().forAll(BasicValueGenerators.strings(0, 60)).checkAssert(id -> {
      try {
        assertThat(serializer.deserialize(serializer.getVersion(), serializer.serialize(id))).isEqualTo(id);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    assertThatThrownBy(() -> serializer.deserialize(2, serializer.serialize("x")))
        .isInstanceOf(IOException.class).hasMessageContaining("version 2");
    assertThatThrownBy(() -> serializer.deserialize(1, new byte[] {0, 0, 0, 9, 'x'}))
        .isInstanceOf(IOException.class).hasMessageContaining("Corrupt");
  }
}
