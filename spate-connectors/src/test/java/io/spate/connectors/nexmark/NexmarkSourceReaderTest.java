package io.spate.connectors.nexmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.spate.api.connector.source.InputStatus;
import io.spate.api.connector.source.ReaderOutput;
import io.spate.api.connector.source.SourceEvent;
import io.spate.api.connector.source.SourceOutput;
import io.spate.api.connector.source.SourceReaderContext;
import io.spate.api.connector.source.SplitEnumeratorContext;
import io.spate.api.eventtime.Watermark;
import io.spate.api.metrics.groups.SourceReaderMetricGroup;
import io.spate.api.serialization.DataInputDeserializer;
import io.spate.api.serialization.DataOutputSerializer;
import io.spate.api.serialization.TypeSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/** The reader resumes exactly from a snapshot; splits and events survive their serializers. */
class NexmarkSourceReaderTest {

  private static final NexmarkConfiguration CONFIG = NexmarkConfiguration.builder().events(20_000).seed(11).build();

  /** CONFIG's events at {@code eventsPerSecond} of event time, rate limited. */
  private static NexmarkConfiguration paced(double eventsPerSecond) {
    return CONFIG.toBuilder().eventsPerSecond(eventsPerSecond).rateLimited(true).build();
  }

  /** Collects events and their timestamps. */
  private static final class Collected implements ReaderOutput<Event> {
    final List<Event> events = new ArrayList<>();
    final List<Long> timestamps = new ArrayList<>();

    @Override
    public void collect(Event record) {
      throw new AssertionError("the Nexmark reader stamps every event with its time");
    }

    @Override
    public void collect(Event record, long timestamp) {
      events.add(record);
      timestamps.add(timestamp);
    }

    @Override
    public void emitWatermark(Watermark watermark) {}

    @Override
    public void markIdle() {}

    @Override
    public void markActive() {}

    @Override
    public SourceOutput<Event> createOutputForSplit(String splitId) {
      return this;
    }

    @Override
    public void releaseOutputForSplit(String splitId) {}
  }

  /** Counts split requests. */
  private static final class Context implements SourceReaderContext {
    int splitRequests;

    @Override
    public int getIndexOfSubtask() {
      return 0;
    }

    @Override
    public int currentParallelism() {
      return 1;
    }

    @Override
    public void sendSplitRequest() {
      splitRequests++;
    }

    @Override
    public void sendSourceEventToCoordinator(SourceEvent event) {}

    @Override
    public SourceReaderMetricGroup metricGroup() {
      return null;
    }
  }

  private static NexmarkSourceReader reader(Context context) {
    return new NexmarkSourceReader(context, new NexmarkGenerator(CONFIG), false);
  }

  /** A reader stopped after some polls and a new reader given its snapshot read, together, the split. */
  @Test
  void aRestoredReaderResumesExactlyWhereTheSnapshotWasTaken() {
    qt().withExamples(30).withShrinkCycles(300)
        .forAll(SourceDSL.integers().between(1, 5), SourceDSL.integers().between(0, 4), SourceDSL.integers().between(0, 30))
        .checkAssert((stride, index, pollsBeforeSnapshot) -> {
          try {
            aRestoredReaderResumesAtTheSnapshot(stride, index, pollsBeforeSnapshot);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }

  private static void aRestoredReaderResumesAtTheSnapshot(int stride, int index, int pollsBeforeSnapshot)
      throws Exception {
    NexmarkSplit split = NexmarkSplit.cut(CONFIG.numEvents(), stride).get(index % stride);
    Collected out = new Collected();
    NexmarkSourceReader first = reader(new Context());
    first.addSplits(List.of(split));
    for (int i = 0; i < pollsBeforeSnapshot; i++) {
      first.pollNext(out);
    }
    List<NexmarkSplit> snapshot = roundTrip(first.snapshotState(1));
    Context context = new Context();
    NexmarkSourceReader second = reader(context);
    second.addSplits(snapshot);
    second.notifyNoMoreSplits();
    second.start();
    while (second.pollNext(out) != InputStatus.END_OF_INPUT) {
      // read to the end
    }
    List<Event> expected = new ArrayList<>();
    NexmarkGenerator generator = new NexmarkGenerator(CONFIG);
    for (long n = split.next(); n < split.end(); n += split.stride()) {
      expected.add(generator.eventAt(n));
    }
    assertThat(out.events).isEqualTo(expected);
    for (int i = 0; i < out.events.size(); i++) {
      assertThat(out.timestamps.get(i)).isEqualTo(out.events.get(i).dateTime());
    }
  }

  private static List<NexmarkSplit> roundTrip(List<NexmarkSplit> splits) throws Exception {
    var serializer = new NexmarkSource(CONFIG).getEnumeratorCheckpointSerializer();
    return serializer.deserialize(serializer.getVersion(), serializer.serialize(splits));
  }

  @Test
  void aReaderWithoutSplitsAsksForOneAndEndsWhenThereAreNoMore() throws Exception {
    Context context = new Context();
    NexmarkSourceReader reader = reader(context);
    reader.start();
    assertThat(context.splitRequests).isEqualTo(1);
    Collected out = new Collected();
    assertThat(reader.pollNext(out)).isEqualTo(InputStatus.NOTHING_AVAILABLE);
    assertThat(reader.isAvailable()).isNotDone();
    reader.notifyNoMoreSplits();
    assertThat(reader.isAvailable()).isDone();
    assertThat(reader.pollNext(out)).isEqualTo(InputStatus.END_OF_INPUT);
    assertThat(reader.snapshotState(1)).isEmpty();
  }

  /** Two splits on one reader (after a rescale) are read side by side, the one behind first. */
  @Test
  void severalSplitsAreReadSideBySide() throws Exception {
    List<NexmarkSplit> splits = NexmarkSplit.cut(CONFIG.numEvents(), 2);
    NexmarkSourceReader reader = reader(new Context());
    reader.addSplits(List.of(splits.get(1).at(4_001), splits.get(0)));
    Collected out = new Collected();
    for (int i = 0; i < 6; i++) {
      reader.pollNext(out);
    }
    List<NexmarkSplit> snapshot = reader.snapshotState(1);
    assertThat(snapshot).hasSize(2);
    // Split 1 starts 4000 events ahead; after 6 batches of 1024 (2048 event numbers each) split 0 has caught up.
    long apart = Math.abs(snapshot.get(0).next() - snapshot.get(1).next());
    assertThat(apart).isLessThanOrEqualTo(2L * NexmarkSourceReader.BATCH_SIZE);
  }

  /** A rate-limited reader that is out of permits yields (NOTHING_AVAILABLE) and is woken up by a timer, not by polling. */
  @Test
  void aRateLimitedReaderWaitsForItsWakeUpInsteadOfSpinning() throws Exception {
    NexmarkSourceReader reader = new NexmarkSourceReader(
        new Context(), new NexmarkGenerator(paced(100)), true);
    reader.addSplits(NexmarkSplit.cut(CONFIG.numEvents(), 1));
    Collected out = new Collected();
    InputStatus status = InputStatus.MORE_AVAILABLE;
    for (int i = 0; i < 50 && status == InputStatus.MORE_AVAILABLE; i++) {
      status = reader.pollNext(out);
    }
    assertThat(status).isEqualTo(InputStatus.NOTHING_AVAILABLE);
    int emitted = out.events.size();
    reader.isAvailable().get(10, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(reader.pollNext(out)).isEqualTo(InputStatus.MORE_AVAILABLE);
    assertThat(out.events.size()).isGreaterThan(emitted);
  }

  /** A paced reader keeps its split's schedule: after a stall it catches up instead of shifting the schedule. */
  @Test
  void aPacedReaderCatchesUpWhatFellDueWhileItWasAway() throws Exception {
    NexmarkSourceReader reader = new NexmarkSourceReader(new Context(), new NexmarkGenerator(paced(1000)), true);
    long secondAgo = System.currentTimeMillis() - 1000;
    reader.addSplits(List.of(new NexmarkSplit("0", 0, 1, CONFIG.numEvents(), secondAgo)));
    Collected out = new Collected();

    reader.pollNext(out);

    // events 0 to 1000 fell due in the last second; one poll emits them all, up to a batch
    assertThat(out.events.size()).isBetween(1001, NexmarkSourceReader.BATCH_SIZE);
  }

  /**
   * At 10 events per millisecond of event time a paced reader releases each millisecond's events
   * together, when the wall clock reaches that millisecond, and none of a later one. (At this rate a
   * poll reaches its batch limit only after 100 ms, so a stalled test thread cannot cut a millisecond.)
   */
  @Test
  void aPacedReaderReleasesEachMillisecondOfEventTimeWhenItsTimeComes() throws Exception {
    NexmarkConfiguration config = paced(10_000);
    NexmarkSourceReader reader = new NexmarkSourceReader(new Context(), new NexmarkGenerator(config), true);
    long origin = System.currentTimeMillis() - 3;
    reader.addSplits(List.of(new NexmarkSplit("0", 0, 1, config.numEvents(), origin)));
    Collected out = new Collected();

    reader.pollNext(out);
    long elapsedMillis = System.currentTimeMillis() - origin;

    // milliseconds 0 to 3 at least had come, and at most those up to the clock read after the poll
    assertThat(out.events.size() % 10).isZero();
    assertThat(out.events.size()).isBetween(40, (int) Math.min(NexmarkSourceReader.BATCH_SIZE / 10 * 10,
        10 * (elapsedMillis + 1)));
    assertThat(out.timestamps).allSatisfy(t -> assertThat(t - config.firstEventTime()).isLessThanOrEqualTo(elapsedMillis));
  }

  @Test
  void aPacedReaderEmitsNothingBeforeItIsDue() throws Exception {
    NexmarkSourceReader reader = new NexmarkSourceReader(new Context(), new NexmarkGenerator(paced(1000)), true);
    long inAMinute = System.currentTimeMillis() + 60_000;
    reader.addSplits(List.of(new NexmarkSplit("0", 0, 1, CONFIG.numEvents(), inAMinute)));
    Collected out = new Collected();

    assertThat(reader.pollNext(out)).isEqualTo(InputStatus.NOTHING_AVAILABLE);
    assertThat(out.events).isEmpty();
    assertThat(reader.isAvailable()).isNotDone();
  }

  @Test
  void pacedSplitsShareTheOriginOfTheFirstAssignment() {
    List<NexmarkSplit> assigned = new ArrayList<>();
    NexmarkSplitEnumerator enumerator = new NexmarkSplitEnumerator(
        new RecordingEnumeratorContext(assigned, new ArrayList<>()), NexmarkSplit.cut(100, 3), true);
    long before = System.currentTimeMillis();
    for (int subtask = 0; subtask < 3; subtask++) {
      enumerator.handleSplitRequest(subtask);
    }

    assertThat(assigned).hasSize(3).extracting(NexmarkSplit::paceOriginMillis).containsOnly(
        assigned.get(0).paceOriginMillis());
    assertThat(assigned.get(0).paceOriginMillis()).isGreaterThanOrEqualTo(before);
  }

  @Test
  void aReaderGetsOnlyTheSplitsItOwnsAndNeverAnothersWhenItsOwnAreDone() {
    List<NexmarkSplit> assigned = new ArrayList<>();
    List<Integer> toldNoMore = new ArrayList<>();
    // six splits for three readers (as after a rescale from six): reader r owns splits r and r + 3
    NexmarkSplitEnumerator enumerator = new NexmarkSplitEnumerator(
        new RecordingEnumeratorContext(assigned, toldNoMore), NexmarkSplit.cut(100, 6), false);

    enumerator.handleSplitRequest(1);
    assertThat(assigned).extracting(NexmarkSplit::splitId).containsExactly("1", "4");
    assertThat(toldNoMore).as("told with its splits, so it ends without asking again").containsExactly(1);
    enumerator.handleSplitRequest(1); // asks anyway: splits 0, 2, 3 and 5 are still unassigned
    assertThat(assigned).hasSize(2);
    assertThat(toldNoMore).containsExactly(1, 1);

    enumerator.handleSplitRequest(0);
    assertThat(assigned).extracting(NexmarkSplit::splitId).containsExactly("1", "4", "0", "3");
    enumerator.addSplitsBack(List.of(assigned.get(2)), 0); // reader 0 failed before a checkpoint
    enumerator.handleSplitRequest(2);
    enumerator.handleSplitRequest(0); // its restarted reader gets the split back, then the end again
    assertThat(assigned).extracting(NexmarkSplit::splitId).containsExactly("1", "4", "0", "3", "2", "5", "0");
    assertThat(toldNoMore).containsExactly(1, 1, 0, 2, 0);
  }

  @Test
  void aReaderToldOfTheEndWithItsSplitsReadsThemAllAndEndsWithoutAskingAgain() throws Exception {
    List<NexmarkSplit> assigned = new ArrayList<>();
    List<Integer> toldNoMore = new ArrayList<>();
    new NexmarkSplitEnumerator(new RecordingEnumeratorContext(assigned, toldNoMore), NexmarkSplit.cut(50, 3), false)
        .handleSplitRequest(2);
    Context context = new Context();
    NexmarkSourceReader reader = reader(context);
    reader.addSplits(assigned);
    reader.notifyNoMoreSplits();
    reader.start();
    Collected out = new Collected();
    while (reader.pollNext(out) != InputStatus.END_OF_INPUT) {
      // read to the end
    }
    NexmarkGenerator generator = new NexmarkGenerator(CONFIG);
    List<Event> expected = new ArrayList<>();
    for (long n = 2; n < 50; n += 3) {
      expected.add(generator.eventAt(n));
    }
    assertThat(out.events).isEqualTo(expected);
    assertThat(context.splitRequests).isZero();
  }

  @Test
  void splitsSurviveTheirSerializer() {
    var serializer = NexmarkSplit.serializer();
    qt().withExamples(100)
        .forAll(SourceDSL.longs().between(0, Long.MAX_VALUE - 1), SourceDSL.integers().between(1, Integer.MAX_VALUE))
        .checkAssert((next, stride) -> {
          NexmarkSplit split = new NexmarkSplit("s" + stride, next, stride, Long.MAX_VALUE);
          try {
            assertThat(serializer.deserialize(serializer.getVersion(), serializer.serialize(split))).isEqualTo(split);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /** Spate's record serializer writes and reads events with their two null components. */
  @Test
  void eventsSurviveSpatesSerializer() {
    TypeSerializer<Event> serializer = NexmarkSource.eventType().createSerializer();
    qt().withExamples(300).forAll(SourceDSL.longs().between(0, 19_999)).checkAssert(n -> {
      Event event = new NexmarkGenerator(CONFIG).eventAt(n);
      DataOutputSerializer out = new DataOutputSerializer();
      try {
        serializer.serialize(event, out);
        Event read = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
        assertThat(read).isEqualTo(event);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      assertThat(serializer.copy(event)).isEqualTo(event);
    });
  }

  /** Records the splits an enumerator assigns and the readers it tells there are no more, for three readers. */
  private static final class RecordingEnumeratorContext implements SplitEnumeratorContext<NexmarkSplit> {
    private final List<NexmarkSplit> assigned;
    private final List<Integer> toldNoMore;

    RecordingEnumeratorContext(List<NexmarkSplit> assigned, List<Integer> toldNoMore) {
      this.assigned = assigned;
      this.toldNoMore = toldNoMore;
    }

    @Override
    public int currentParallelism() {
      return 3;
    }

    @Override
    public Set<Integer> registeredReaders() {
      return Set.of(0, 1, 2);
    }

    @Override
    public void assignSplit(NexmarkSplit split, int subtaskId) {
      assigned.add(split);
    }

    @Override
    public void signalNoMoreSplits(int subtaskId) {
      toldNoMore.add(subtaskId);
    }

    @Override
    public void sendEventToSourceReader(int subtaskId, SourceEvent event) {}

    @Override
    public <T> void callAsync(
        Callable<T> callable, BiConsumer<T, Throwable> handler, long initialDelayMillis, long periodMillis) {
      // once, at once, on the calling thread: the enumerator under test schedules nothing
      T result = null;
      Throwable failure = null;
      try {
        result = callable.call();
      } catch (Exception e) {
        failure = e;
      }
      handler.accept(result, failure);
    }

    @Override
    public void runInCoordinatorThread(Runnable action) {
      action.run();
    }
  }
}
