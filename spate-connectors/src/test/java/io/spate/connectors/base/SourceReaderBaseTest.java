package io.spate.connectors.base;

import io.spate.testing.Await;
import java.time.Duration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.connector.source.InputStatus;
import io.spate.api.connector.source.lib.SourceHarness;
import io.spate.connectors.base.LineFilesSource.FileSplit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The source reader base over a real blocking client: a split reader that tails files which the
 * test appends to, on fetcher threads, handing batches to the reader through the bounded queue.
 */
class SourceReaderBaseTest {

  @TempDir
  Path dir;

  private Path file(String name, List<String> lines) throws IOException {
    Path path = dir.resolve(name);
    Files.write(path, lines, StandardCharsets.UTF_8);
    return path;
  }

  private static void append(Path path, String... lines) throws IOException {
    Files.write(path, List.of(lines), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
  }

  private static List<String> numbered(String prefix, int count) {
    return IntStream.range(0, count).mapToObj(i -> prefix + i).toList();
  }

  private static List<String> withEnd(List<String> lines) {
    List<String> all = new ArrayList<>(lines);
    all.add("END");
    return all;
  }

  private LineFilesSource source(SourceReaderOptions options, int maxLinesPerFetch, Path... files) {
    return new LineFilesSource(List.of(files).stream().map(Path::toString).toList(), options, maxLinesPerFetch);
  }

  /** A reader of subtask 0 of 1 driven directly, without an enumerator: the test adds its splits. */
  private static LineFilesSource.Reader reader(SourceReaderOptions options, int maxLinesPerFetch) {
    return new LineFilesSource.Reader(options, maxLinesPerFetch, new TestReaderContext());
  }

  /** Polls the harness, waiting for its reader 0 when it has nothing, until {@code count} records came. */
  private static void pollUntil(SourceHarness<String, ?, ?> harness, int count) throws Exception {
    for (int round = 0; harness.records().size() < count; round++) {
      assertThat(round).as("rounds before " + count + " records").isLessThan(100_000);
      if (!harness.runOnce()) {
        harness.reader(0).isAvailable().get(10, TimeUnit.SECONDS);
      }
    }
  }

  /** Polls {@code reader} until it ends, waiting while it has nothing; its records. */
  private static List<String> drain(SourceReaderBase<?, String, ?, ?> reader) throws Exception {
    SourceHarness.RecordingOutput<String> output = new SourceHarness.RecordingOutput<>();
    for (int round = 0; round < 100_000; round++) {
      InputStatus status = reader.pollNext(output);
      if (status == InputStatus.END_OF_INPUT) {
        return output.records;
      }
      if (status == InputStatus.NOTHING_AVAILABLE) {
        reader.isAvailable().get(10, TimeUnit.SECONDS);
      }
    }
    throw new AssertionError("The reader did not end");
  }

  private static List<Thread> fetcherThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("spate-line-files-fetcher-") && t.isAlive())
        .toList();
  }

  @Test
  void readsLinesAppendedWhileItWaitsAndEndsOnceEverySplitIsFinished() throws Exception {
    Path a = file("a.txt", numbered("a", 3));
    Path b = file("b.txt", List.of());
    try (var harness = SourceHarness.start(source(SourceReaderOptions.DEFAULTS, 100, a, b), 1)) {
      pollUntil(harness, 3);
      assertThat(harness.ended(0)).isFalse();
      CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
        try {
          append(b, "b0", "b1");
          append(a, "a3", "END");
          append(b, "b2", "END");
        } catch (IOException e) {
          throw new RuntimeException(e);
        }
      });
      List<String> records = harness.runToEnd();
      writer.join();
      assertThat(records.stream().filter(r -> r.startsWith("a"))).containsExactly("a0", "a1", "a2", "a3");
      assertThat(records.stream().filter(r -> r.startsWith("b"))).containsExactly("b0", "b1", "b2");
      assertThat(harness.reader(0).snapshotState(1)).isEmpty();
    }
    Await.until(Duration.ofSeconds(20), "fetcher threads end with the reader", () -> fetcherThreads().isEmpty());
  }

  @Test
  void aFullQueueStopsTheFetcherSoMemoryStaysBounded() throws Exception {
    int perFetch = 10;
    int capacity = 2;
    Path big = file("big.txt", withEnd(numbered("x", 10_000)));
    LineFilesSource.FETCHED.set(0);
    try (var reader = reader(SourceReaderOptions.DEFAULTS.withHandoverQueueCapacity(capacity), perFetch)) {
      reader.addSplits(List.of(new FileSplit(big.toString(), 0)));
      reader.notifyNoMoreSplits();
      Await.until(Duration.ofSeconds(20), "the queue fills", () -> reader.queuedBatches() == capacity);
      Thread fetcher = fetcherThreads().get(0);
      Await.until(Duration.ofSeconds(20), "the fetcher waits on the full queue", () -> fetcher.getState() == Thread.State.WAITING);
      // Two batches queued and one fetched that waits for room: nothing more was read from the file.
      assertThat(LineFilesSource.FETCHED.get()).isEqualTo((capacity + 1L) * perFetch);
      assertThat(reader.queuedBatches()).isEqualTo(capacity);
      assertThat(drain(reader)).hasSize(10_000);
    }
  }

  @Test
  void closeWakesAFetchThatBlocksAndEndsItsThread() throws Exception {
    Path quiet = file("quiet.txt", List.of("only"));
    var harness = SourceHarness.start(source(SourceReaderOptions.DEFAULTS, 100, quiet), 1);
    pollUntil(harness, 1);
    assertThat(harness.records()).containsExactly("only");
    List<Thread> fetchers = fetcherThreads();
    assertThat(fetchers).hasSize(1);
    Await.until(Duration.ofSeconds(20), "the fetch blocks, waiting for lines", () -> fetchers.get(0).getState() == Thread.State.TIMED_WAITING);
    harness.close();
    assertThat(fetchers.get(0).isAlive()).isFalse();
  }

  @Test
  void aFetcherFailureFailsThePollOnTheTaskThreadNamingTheSplit() throws Exception {
    Path good = file("good.txt", List.of("fine"));
    Path bad = file("bad.txt", List.of("ok", "FAIL"));
    SourceReaderOptions perSplit =
        SourceReaderOptions.DEFAULTS.withFetcherMode(SourceReaderOptions.FetcherMode.FETCHER_PER_SPLIT);
    try (var harness = SourceHarness.start(source(perSplit, 100, good, bad), 1)) {
      assertThatThrownBy(harness::runToEnd)
          .isInstanceOf(SplitFetcherException.class)
          .hasMessageStartingWith("the file says FAIL at byte 3")
          .hasMessageContaining(bad.toString())
          .hasMessageNotContaining(good.toString())
          .hasMessageContaining("line-files, subtask 0");
    }
  }

  @Test
  void aCheckpointHoldsThePositionsOfEmittedRecordsNotOfQueuedOnes() throws Exception {
    List<String> lines = numbered("r", 50);
    Path path = file("r.txt", withEnd(lines));
    SourceReaderOptions sevenPerPoll = SourceReaderOptions.DEFAULTS.withMaxRecordsPerPoll(7);
    List<FileSplit> state;
    SourceHarness.RecordingOutput<String> output = new SourceHarness.RecordingOutput<>();
    try (var reader = reader(sevenPerPoll, 20)) {
      reader.addSplits(List.of(new FileSplit(path.toString(), 0)));
      Await.until(Duration.ofSeconds(20), "batches arrive", () -> reader.queuedBatches() > 0);
      assertThat(reader.pollNext(output)).isEqualTo(InputStatus.MORE_AVAILABLE);
      assertThat(output.records).containsExactlyElementsOf(lines.subList(0, 7));
      state = reader.snapshotState(1);
      long emittedBytes = lines.subList(0, 7).stream().mapToLong(line -> line.length() + 1).sum();
      assertThat(state).containsExactly(new FileSplit(path.toString(), emittedBytes));
    }
    try (var restored = reader(sevenPerPoll, 20)) {
      restored.addSplits(state);
      restored.notifyNoMoreSplits();
      List<String> all = new ArrayList<>(output.records);
      all.addAll(drain(restored));
      assertThat(all).containsExactlyElementsOf(lines);
    }
  }

  @Test
  void oneFetcherPerSplitRunsAThreadPerSplitUntilTheSplitIsRead() throws Exception {
    Path a = file("a.txt", withEnd(numbered("a", 5)));
    Path b = file("b.txt", numbered("b", 5));
    Path c = file("c.txt", withEnd(numbered("c", 5)));
    SourceReaderOptions perSplit =
        SourceReaderOptions.DEFAULTS.withFetcherMode(SourceReaderOptions.FetcherMode.FETCHER_PER_SPLIT);
    try (var harness = SourceHarness.start(source(perSplit, 100, a, b, c), 1)) {
      pollUntil(harness, 15);
      assertThat(harness.records()).hasSize(15);
      // a and c are read to their END; only b's fetcher still waits for lines.
      Await.until(Duration.ofSeconds(20), "the fetchers of finished splits end", () -> fetcherThreads().size() == 1);
      assertThat(harness.ended(0)).isFalse();
      append(b, "END");
      harness.runToEnd();
      assertThat(harness.reader(0).pollNext(new SourceHarness.RecordingOutput<>())).isEqualTo(InputStatus.END_OF_INPUT);
    }
    assertThat(fetcherThreads()).isEmpty();
  }

  @Test
  void threadsAreDaemonsNamedForTheSourceAndSubtask() throws Exception {
    Path a = file("a.txt", List.of("x"));
    try (var harness = SourceHarness.start(source(SourceReaderOptions.DEFAULTS, 100, a), 2)) {
      pollUntil(harness, 1);
      List<Thread> fetchers = fetcherThreads();
      assertThat(fetchers).singleElement().satisfies(thread -> {
        assertThat(thread.isDaemon()).isTrue();
        assertThat(thread.getName()).isEqualTo("spate-line-files-fetcher-0 (subtask 0)");
      });
    }
  }

  /**
   * A line-files reader whose split readers take until {@code built} opens to create, as a client
   * that is slow to build does, and that records the threads they were created on.
   */
  private static final class SlowToBuildReader extends SourceReaderBase<LineFilesSource.Line, String, FileSplit,
      LineFilesSource.Position> {
    final List<String> buildingThreads;

    SlowToBuildReader(SourceReaderOptions options, CountDownLatch built, String failure) {
      this(options, built, failure, new CopyOnWriteArrayList<>());
    }

    private SlowToBuildReader(SourceReaderOptions options, CountDownLatch built, String failure,
        List<String> buildingThreads) {
      super("slow-build", () -> {
        buildingThreads.add(Thread.currentThread().getName());
        try {
          built.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while building", e);
        }
        if (failure != null) {
          throw new IllegalStateException(failure);
        }
        return new LineFilesSource.TailingSplitReader(100);
      }, (line, output, position) -> {
        output.collect(line.text());
        position.offset = line.nextOffset();
      }, options, new TestReaderContext());
      this.buildingThreads = buildingThreads;
    }

    @Override
    public void start() {
      startFetcherAhead();
    }

    @Override
    protected LineFilesSource.Position initializedState(FileSplit split) {
      return new LineFilesSource.Position(split.offset());
    }

    @Override
    protected FileSplit toSplitType(String splitId, LineFilesSource.Position state) {
      return new FileSplit(splitId, state.offset);
    }
  }

  private static List<Thread> threadsNamed(String prefix) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith(prefix) && t.isAlive())
        .toList();
  }

  @Test
  void aFetcherStartedAheadBuildsItsSplitReaderOnItsOwnThreadWhileTheTaskGoesOn() throws Exception {
    Path a = file("a.txt", withEnd(numbered("a", 3)));
    Path b = file("b.txt", withEnd(numbered("b", 2)));
    CountDownLatch built = new CountDownLatch(1);
    try (var reader = new SlowToBuildReader(SourceReaderOptions.DEFAULTS, built, null)) {
      reader.start();
      Await.until(Duration.ofSeconds(20), "the fetcher starts building its split reader",
          () -> reader.buildingThreads.size() == 1);
      // The build blocks until the latch opens, yet neither start nor adding splits waited for it.
      reader.addSplits(List.of(new FileSplit(a.toString(), 0)));
      reader.addSplits(List.of(new FileSplit(b.toString(), 0)));
      reader.notifyNoMoreSplits();
      SourceHarness.RecordingOutput<String> output = new SourceHarness.RecordingOutput<>();
      assertThat(reader.pollNext(output)).isEqualTo(InputStatus.NOTHING_AVAILABLE);
      built.countDown();
      List<String> records = drain(reader);
      assertThat(records.stream().filter(r -> r.startsWith("a"))).containsExactly("a0", "a1", "a2");
      assertThat(records.stream().filter(r -> r.startsWith("b"))).containsExactly("b0", "b1");
      // One split reader, built on the fetcher thread, read both splits.
      assertThat(reader.buildingThreads).containsExactly("spate-slow-build-fetcher-0 (subtask 0)");
    }
    Await.until(Duration.ofSeconds(20), "the fetcher ends with the reader",
        () -> threadsNamed("spate-slow-build-fetcher-").isEmpty());
  }

  @Test
  void aSplitReaderThatCannotBeBuiltFailsThePollNamingTheSplitsItWasGiven() throws Exception {
    Path a = file("a.txt", withEnd(numbered("a", 3)));
    CountDownLatch built = new CountDownLatch(1);
    try (var reader = new SlowToBuildReader(SourceReaderOptions.DEFAULTS, built, "no such host: nowhere")) {
      reader.start();
      Await.until(Duration.ofSeconds(20), "the fetcher starts building its split reader",
          () -> reader.buildingThreads.size() == 1);
      reader.addSplits(List.of(new FileSplit(a.toString(), 0)));
      built.countDown();
      assertThatThrownBy(() -> drain(reader))
          .isInstanceOf(SplitFetcherException.class)
          .hasMessageStartingWith("no such host: nowhere")
          .hasMessageContaining(a.toString())
          .hasMessageContaining("slow-build, subtask 0");
    }
  }

  @Test
  void startingAheadDoesNothingWithAFetcherPerSplit() throws Exception {
    Path a = file("a.txt", withEnd(numbered("a", 3)));
    CountDownLatch built = new CountDownLatch(1);
    SourceReaderOptions perSplit =
        SourceReaderOptions.DEFAULTS.withFetcherMode(SourceReaderOptions.FetcherMode.FETCHER_PER_SPLIT);
    built.countDown();
    try (var reader = new SlowToBuildReader(perSplit, built, null)) {
      reader.start();
      assertThat(threadsNamed("spate-slow-build-fetcher-")).isEmpty();
      reader.addSplits(List.of(new FileSplit(a.toString(), 0)));
      reader.notifyNoMoreSplits();
      assertThat(drain(reader)).containsExactly("a0", "a1", "a2");
      assertThat(reader.buildingThreads).containsExactly("spate-slow-build-fetcher-0 (subtask 0)");
    }
  }

  @Test
  void rejectsInvalidOptions() {
    assertThatThrownBy(() -> SourceReaderOptions.DEFAULTS.withHandoverQueueCapacity(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hand-over queue capacity");
    assertThatThrownBy(() -> SourceReaderOptions.DEFAULTS.withMaxRecordsPerPoll(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxRecordsPerPoll");
  }
}
