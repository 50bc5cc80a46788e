package io.spate.runtime.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.connector.source.InputStatus;
import io.spate.api.connector.source.Source;
import io.spate.api.connector.source.SourceSplit;
import io.spate.api.connector.source.lib.NumberSequenceSource;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.typeinfo.Types;
import io.spate.connectors.datagen.DataGeneratorSource;
import io.spate.connectors.datagen.RateLimiterStrategy;
import io.spate.runtime.source.SourceOperatorCheckpointTest.Run;
import io.spate.runtime.state.snapshot.OperatorSubtaskState;
import io.spate.testing.Await;
import java.time.Duration;
import java.util.Collections;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A source that has read all there is for now asks its watermark generator at once (at most once
 * per millisecond of processing time) instead of at the next auto-watermark interval; a source
 * with a backlog, or one waiting for splits, is asked only by the interval. Processing time stands still in these runs, so
 * the interval's own timer never fires.
 */
class SourceCatchUpWatermarkTest {

  /** Event time 10 ms per record number, no disorder allowed: the watermark trails the latest record by 1 ms. */
  private static WatermarkStrategy<Long> tenMillisPerRecord() {
    return WatermarkStrategy.<Long>forBoundedOutOfOrderness(Duration.ZERO).withTimestampAssigner((n, previous) -> n * 10);
  }

  private static <S extends SourceSplit, E> Run<Long, S, E> run(Source<Long, S, E> source) throws Exception {
    return new Run<>(source, tenMillisPerRecord(), null, OperatorSubtaskState.EMPTY, OptionalLong.empty());
  }

  /** Polls until the reader has nothing to emit; fails if it never runs dry within a minute. */
  private static void pollUntilDry(Run<Long, ?, ?> run) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    while (run.operator.emitNext() != InputStatus.NOTHING_AVAILABLE) {
      run.deliver();
      assertThat(System.nanoTime()).as("the reader ran dry").isLessThan(deadline);
    }
  }

  /** Polls the reader until it emits one more record, for at most a minute. */
  private static void awaitNextRecord(Run<Long, ?, ?> run) {
    int before = run.records.size();
    Await.until(Duration.ofMinutes(1), "a new record came", () -> {
      run.operator.emitNext();
      return run.records.size() > before;
    });
  }

  private static long latestEventTime(Run<Long, ?, ?> run) {
    return Collections.max(run.records) * 10;
  }

  @Test
  void aReaderThatRunsDryEmitsTheWatermarkOfWhatItReadAtOnce() throws Exception {
    // one permit now, the next in 1000 s: the reader runs dry after its first record
    Run<Long, ?, ?> run = run(new DataGeneratorSource<>(n -> n, 100, RateLimiterStrategy.perSecond(0.001), Types.LONG));
    pollUntilDry(run);
    assertThat(run.records).isNotEmpty();
    assertThat(run.watermarks).containsExactly(latestEventTime(run) - 1);
  }

  @Test
  void runningDryAgainInTheSameMillisecondWaitsForTheNextMillisecond() throws Exception {
    Run<Long, ?, ?> run = run(new DataGeneratorSource<>(n -> n, 1_000, RateLimiterStrategy.perSecond(1_000), Types.LONG));
    pollUntilDry(run);
    assertThat(run.watermarks).containsExactly(latestEventTime(run) - 1);
    awaitNextRecord(run); // the next permit, a millisecond of wall time later
    pollUntilDry(run);
    assertThat(run.watermarks).as("same processing-time millisecond").hasSize(1);

    run.clock.incrementAndGet();
    awaitNextRecord(run);
    pollUntilDry(run);
    assertThat(run.watermarks).hasSize(2).last().isEqualTo(latestEventTime(run) - 1);
  }

  @Test
  void aReaderWithABacklogWaitsForTheInterval() throws Exception {
    Run<Long, ?, ?> run = run(new NumberSequenceSource(0, 99_999));
    for (int polls = 0; polls < 10; polls++) {
      assertThat(run.poll()).as("the sequence has more").isTrue();
    }
    assertThat(run.records).hasSizeGreaterThan(10);
    assertThat(run.watermarks).as("no watermark before the interval's timer").isEmpty();
    // at the end of its split the reader asks for another and has nothing to emit until the answer:
    // waiting for splits is not catching up (a next split may hold older events)
    run.runToEnd();
    assertThat(run.watermarks).isEmpty();
  }
}
