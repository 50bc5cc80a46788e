package io.spate.connectors.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.connector.sink.Committer;
import io.spate.api.connector.sink.lib.TestWriterContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file sink's writer across checkpoints: rolling, part counters in writer state, the resumable single file. */
class FileSinkCheckpointTest {

  @TempDir Path dir;

  private final AtomicLong clock = new AtomicLong();

  private FileSink.Writer<String> writer(FileSink<String> sink, int subtask) throws IOException {
    return sink.createWriter(new TestWriterContext(subtask, 2, clock::get));
  }

  private static void write(FileSink.Writer<String> writer, String... records) throws Exception {
    for (String record : records) {
      writer.write(record, TestWriterContext.NO_TIME);
    }
  }

  private static Collection<FileSink.PendingFile> barrier(FileSink.Writer<String> writer) throws Exception {
    writer.flush(false);
    return writer.prepareCommit();
  }

  private void commit(FileSink<String> sink, Collection<FileSink.PendingFile> pending) throws Exception {
    try (Committer<FileSink.PendingFile> committer = sink.createCommitter()) {
      committer.commit(pending);
    }
  }

  private List<String> visibleFiles() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
    }
  }

  private String read(String name) throws IOException {
    return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
  }

  private FileSink<String> sinkWith(DefaultRollingPolicy policy) {
    return FileSink.forRows(dir, RowEncoder.<String>toStringEncoder()).withRollingPolicy(policy).build();
  }

  @Test
  void aPartRollsOnceItReachesTheMaxSizeInBytes() throws Exception {
    FileSink<String> sink = sinkWith(DefaultRollingPolicy.builder().withMaxPartSize(10).build());
    FileSink.Writer<String> writer = writer(sink, 0);
    write(writer, "1234", "é€");   // 5 bytes, then 2 + 3 + 1 = 6 bytes: 11 >= 10, the part rolls
    write(writer, "a", "b");       // 2 + 2 bytes, below the limit
    Collection<FileSink.PendingFile> pending = barrier(writer);
    assertThat(pending).hasSize(2);
    assertThat(visibleFiles()).isEmpty();
    commit(sink, pending);
    assertThat(visibleFiles()).containsExactly("part-0-0", "part-0-1");
    assertThat(read("part-0-0")).isEqualTo("1234\né€\n");
    assertThat(read("part-0-1")).isEqualTo("a\nb\n");
  }

  @Test
  void aPartRollsAfterTheRolloverIntervalSinceItOpened() throws Exception {
    FileSink<String> sink = sinkWith(DefaultRollingPolicy.builder()
        .withRolloverInterval(Duration.ofMillis(100)).withInactivityInterval(Duration.ofHours(1)).build());
    FileSink.Writer<String> writer = writer(sink, 1);
    clock.set(1_000);
    write(writer, "a");
    clock.set(1_050);
    write(writer, "b");
    clock.set(1_099);
    write(writer, "c");
    clock.set(1_100);
    write(writer, "d");
    commit(sink, barrier(writer));
    assertThat(visibleFiles()).containsExactly("part-1-0", "part-1-1");
    assertThat(read("part-1-0")).isEqualTo("a\nb\nc\n");
    assertThat(read("part-1-1")).isEqualTo("d\n");
  }

  @Test
  void aPartRollsAfterTheInactivityInterval() throws Exception {
    FileSink<String> sink = sinkWith(DefaultRollingPolicy.builder()
        .withRolloverInterval(Duration.ofHours(1)).withInactivityInterval(Duration.ofMillis(30)).build());
    FileSink.Writer<String> writer = writer(sink, 0);
    write(writer, "a");
    clock.set(29);
    write(writer, "b");
    clock.set(58);
    write(writer, "c");
    clock.set(88);
    write(writer, "d");
    commit(sink, barrier(writer));
    assertThat(visibleFiles()).containsExactly("part-0-0", "part-0-1");
    assertThat(read("part-0-0")).isEqualTo("a\nb\nc\n");
    assertThat(read("part-0-1")).isEqualTo("d\n");
  }

  @Test
  void everyCheckpointRollsAndPartsClosedBetweenCheckpointsWaitForTheNextOne() throws Exception {
    FileSink<String> sink = sinkWith(DefaultRollingPolicy.builder().withMaxPartSize(4).build());
    FileSink.Writer<String> writer = writer(sink, 0);
    write(writer, "abc");          // rolls by size: pending, but not handed over before the barrier
    write(writer, "d");
    assertThat(visibleFiles()).isEmpty();
    List<FileSink.PendingFile> first = new ArrayList<>(barrier(writer));
    assertThat(first).extracting(p -> Path.of(p.finalPath()).getFileName().toString())
        .containsExactly("part-0-0", "part-0-1");
    assertThat(barrier(writer)).isEmpty();
    write(writer, "e");
    Collection<FileSink.PendingFile> second = barrier(writer);
    commit(sink, first);
    commit(sink, second);
    assertThat(visibleFiles()).containsExactly("part-0-0", "part-0-1", "part-0-2");
    assertThat(read("part-0-2")).isEqualTo("e\n");
  }

  @Test
  void thePolicyRejectsNonPositiveLimits() {
    assertThatThrownBy(() -> DefaultRollingPolicy.builder().withMaxPartSize(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max part size");
    assertThatThrownBy(() -> DefaultRollingPolicy.builder().withRolloverInterval(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rollover interval");
    assertThatThrownBy(() -> DefaultRollingPolicy.builder().withInactivityInterval(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inactivity interval");
  }

  @Test
  void aRestoredCounterKeepsPartNamesUniqueAfterFinishedFilesWereMovedAway() throws Exception {
    FileSink<String> sink = sinkWith(DefaultRollingPolicy.builder().build());
    FileSink.Writer<String> first = writer(sink, 0);
    write(first, "a");
    commit(sink, barrier(first));
    write(first, "b");
    commit(sink, barrier(first));
    List<FileSink.WriterState> state = first.snapshotState(2);
    first.close();
    // A downstream consumer takes the finished files away.
    Files.delete(dir.resolve("part-0-0"));
    Files.delete(dir.resolve("part-0-1"));

    List<FileSink.WriterState> withOtherSubtask = new ArrayList<>(state);
    withOtherSubtask.add(new FileSink.WriterState(1, 40, null, null, 0));
    FileSink.Writer<String> restored = sink.restoreWriter(new TestWriterContext(0, 2), withOtherSubtask);
    write(restored, "c");
    commit(sink, barrier(restored));
    assertThat(visibleFiles()).containsExactly("part-0-2");

    // Without the state only the directory tells, and it no longer shows the first two parts.
    FileSink.Writer<String> fresh = writer(sink, 0);
    write(fresh, "d");
    commit(sink, barrier(fresh));
    assertThat(visibleFiles()).containsExactly("part-0-2", "part-0-3");
  }

  @Test
  void committingIsIdempotentAndAFileMissingEverywhereIsNamed() throws Exception {
    FileSink<String> sink = sinkWith(DefaultRollingPolicy.builder().build());
    FileSink.Writer<String> writer = writer(sink, 0);
    write(writer, "x");
    Collection<FileSink.PendingFile> pending = barrier(writer);
    commit(sink, pending);
    commit(sink, pending);
    assertThat(visibleFiles()).containsExactly("part-0-0");
    assertThat(read("part-0-0")).isEqualTo("x\n");

    Files.delete(dir.resolve("part-0-0"));
    FileSink.PendingFile lost = pending.iterator().next();
    assertThatThrownBy(() -> commit(sink, pending))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(lost.finalPath())
        .hasMessageContaining(lost.inProgressPath());
  }

  @Test
  void anOutputDirectoryThatCannotBeCreatedIsNamed() throws Exception {
    Path file = Files.writeString(dir.resolve("plain-file"), "x");
    Path below = file.resolve("out");
    FileSink<String> parts = FileSink.forRows(below, RowEncoder.<String>toStringEncoder()).build();
    assertThatThrownBy(() -> parts.createWriter(new TestWriterContext(0, 1)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("cannot create the output directory '" + below + "'");
    FileSink<String> single = FileSink.forRows(below.resolve("r.txt"), RowEncoder.<String>toStringEncoder())
        .toSingleFile().build();
    assertThatThrownBy(() -> single.createWriter(new TestWriterContext(0, 1)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("cannot create the output directory '" + below + "'");
  }

  @Test
  void aSingleFileContinuesFromTheCheckpointAfterAFailure() throws Exception {
    Path file = dir.resolve("result.txt");
    FileSink<String> sink = FileSink.forRows(file, RowEncoder.<String>toStringEncoder()).toSingleFile().build();
    FileSink.Writer<String> first = sink.createWriter(new TestWriterContext(0, 1));
    write(first, "1", "2");
    assertThat(barrier(first)).isEmpty();
    List<FileSink.WriterState> state = first.snapshotState(1);
    assertThat(state).singleElement().satisfies(s -> assertThat(s.validLength()).isEqualTo(4));
    write(first, "3-lost");
    first.flush(false);
    first.close(); // the failure: the file stays, the checkpoint refers to it

    FileSink.Writer<String> second = sink.restoreWriter(new TestWriterContext(0, 1), state);
    write(second, "3", "4");
    second.flush(true);
    Collection<FileSink.PendingFile> pending = second.prepareCommit();
    second.close();
    assertThat(file).doesNotExist();
    commit(sink, pending);
    assertThat(Files.readString(file)).isEqualTo("1\n2\n3\n4\n");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void aSingleFileWhoseInProgressFileIsGoneCannotContinue() throws Exception {
    Path file = dir.resolve("result.txt");
    FileSink<String> sink = FileSink.forRows(file, RowEncoder.<String>toStringEncoder()).toSingleFile().build();
    FileSink.WriterState state =
        new FileSink.WriterState(-1, 0, dir.resolve(".result.txt.inprogress.x").toString(), file.toString(), 3);
    assertThatThrownBy(() -> sink.restoreWriter(new TestWriterContext(0, 1), List.of(state)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(state.inProgressPath())
        .hasMessageContaining("is gone");
    Files.writeString(Path.of(state.inProgressPath()), "1\n");
    assertThatThrownBy(() -> sink.restoreWriter(new TestWriterContext(0, 1), List.of(state)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("has 2 bytes, fewer than the 3");
  }
}
