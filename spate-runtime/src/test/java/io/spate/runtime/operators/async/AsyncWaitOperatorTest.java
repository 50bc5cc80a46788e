package io.spate.runtime.operators.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.datastream.AsyncDataStream.OutputMode;
import io.spate.api.eventtime.Watermark;
import io.spate.api.functions.async.AsyncFunction;
import io.spate.api.functions.async.AsyncRetryStrategies;
import io.spate.api.functions.async.AsyncRetryStrategy;
import io.spate.api.functions.async.ResultFuture;
import io.spate.api.functions.async.RetryPredicates;
import io.spate.testing.StreamRecord;
import io.spate.testing.TestHarnesses;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The async operator through the test harness, with requests completed by hand. */
class AsyncWaitOperatorTest {

  private static final Duration NO_TIMEOUT = Duration.ZERO;

  @Test
  void orderedModeWaitsForTheOldestRequest() throws Exception {
    ManualAsyncFunction fn = new ManualAsyncFunction();
    var harness = TestHarnesses.forAsync(fn, OutputMode.ORDERED, NO_TIMEOUT, 10);
    harness.processElement(1, 100L).processElement(2, 200L).processElement(3, 300L);
    fn.answer(2);
    fn.answer(1);
    harness.processCompletions();
    assertThat(harness.getOutput()).isEmpty();
    fn.answer(0);
    harness.processCompletions();
    assertThat(harness.getOutput()).containsExactly(
        new StreamRecord<>("r1", 100L), new StreamRecord<>("r2", 200L), new StreamRecord<>("r3", 300L));
  }

  @Test
  void unorderedModeEmitsAsSoonAsCompleteButNotAcrossAWatermark() throws Exception {
    ManualAsyncFunction fn = new ManualAsyncFunction();
    var harness = TestHarnesses.forAsync(fn, OutputMode.UNORDERED, NO_TIMEOUT, 10);
    harness.processElement(1, 1L).processElement(2, 2L).processWatermark(5L).processElement(3, 6L);
    fn.answer(2); // 3, after the watermark: must wait
    fn.answer(1); // 2
    harness.processCompletions();
    assertThat(harness.getRecordsAndWatermarks()).containsExactly(new StreamRecord<>("r2", 2L));
    fn.answer(0); // 1: releases the watermark and then 3
    harness.processCompletions();
    assertThat(harness.getRecordsAndWatermarks()).containsExactly(new StreamRecord<>("r2", 2L),
        new StreamRecord<>("r1", 1L), new Watermark(5L), new StreamRecord<>("r3", 6L));
  }

  @Test
  void aWatermarkWithNothingInFlightPassesAtOnce() throws Exception {
    var harness = TestHarnesses.forAsync(new ManualAsyncFunction(), OutputMode.ORDERED, NO_TIMEOUT, 1);
    harness.processWatermark(7L);
    assertThat(harness.getWatermarks()).containsExactly(7L);
  }

  @Test
  void completionsFromOtherThreadsAreEmittedOnlyByTheHarnessThread() throws Exception {
    ManualAsyncFunction fn = new ManualAsyncFunction();
    var harness = TestHarnesses.forAsync(fn, OutputMode.ORDERED, NO_TIMEOUT, 10);
    harness.processElement(1).processElement(2);
    Thread other = new Thread(() -> {
      fn.answer(1);
      fn.answer(0);
    });
    other.start();
    other.join();
    assertThat(harness.getOutput()).isEmpty();
    harness.processCompletions();
    assertThat(harness.extractOutputValues()).containsExactly("r1", "r2");
  }

  @Test
  void aSecondCompletionIsIgnored() throws Exception {
    ManualAsyncFunction fn = new ManualAsyncFunction();
    var harness = TestHarnesses.forAsync(fn, OutputMode.ORDERED, NO_TIMEOUT, 10);
    harness.processElement(1);
    ResultFuture<String> future = fn.answer(0).future();
    future.complete(List.of("again"));
    future.completeExceptionally(new RuntimeException("late"));
    harness.processCompletions().endInput();
    assertThat(harness.extractOutputValues()).containsExactly("r1");
  }

  @Test
  void resultsMayBeEmptyOrMany() throws Exception {
    AsyncFunction<Integer, String> fn = (in, future) -> {
      List<String> out = new ArrayList<>();
      for (int i = 0; i < in; i++) {
        out.add(in + "." + i);
      }
      future.complete(out);
    };
    var harness = TestHarnesses.forAsync(fn, OutputMode.ORDERED, NO_TIMEOUT, 2);
    harness.processElement(0, 1L).processElement(2, 2L).processElement(1, 3L).endInput();
    assertThat(harness.getOutput()).containsExactly(
        new StreamRecord<>("2.0", 2L), new StreamRecord<>("2.1", 2L), new StreamRecord<>("1.0", 3L));
  }

  @Test
  void neverTakesMoreThanCapacity() throws Exception {
    ManualAsyncFunction fn = new ManualAsyncFunction();
    var harness = TestHarnesses.forAsync(fn, OutputMode.UNORDERED, NO_TIMEOUT, 2);
    harness.processElement(1).processElement(2);
    assertThatThrownBy(() -> harness.processElement(3))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("capacity");
    fn.answer(0);
    harness.processElement(3);
    assertThat(fn.maxPending).isEqualTo(2);
  }

  @Test
  void anOrderedResultWaitingBehindASlowOneStillCountsAgainstCapacity() throws Exception {
    ManualAsyncFunction fn = new ManualAsyncFunction();
    var harness = TestHarnesses.forAsync(fn, OutputMode.ORDERED, NO_TIMEOUT, 2);
    harness.processElement(1).processElement(2);
    fn.answer(1);
    assertThatThrownBy(() -> harness.processElement(3)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theDefaultTimeoutFailsWithAClearError() throws Exception {
    ManualAsyncFunction fn = new ManualAsyncFunction();
    var harness = TestHarnesses.forAsync(fn, OutputMode.ORDERED, Duration.ofMillis(100), 10);
    harness.setProcessingTime(1_000).processElement(1);
    harness.setProcessingTime(1_099);
    assertThatThrownBy(() -> harness.setProcessingTime(1_100))
        .isInstanceOf(TimeoutException.class)
        .hasMessageContaining("timed out after 100 ms");
  }

  @Test
  void anOverriddenTimeoutCanEmitAFallback() throws Exception {
    ManualAsyncFunction inner = new ManualAsyncFunction();
    AsyncFunction<Integer, String> fn = new AsyncFunction<>() {
      @Override
      public void asyncInvoke(Integer input, ResultFuture<String> future) {
        inner.asyncInvoke(input, future);
      }

      @Override
      public void timeout(Integer input, ResultFuture<String> future) {
        future.complete(List.of("fallback" + input));
      }
    };
    var harness = TestHarnesses.forAsync(fn, OutputMode.ORDERED, Duration.ofMillis(100), 10);
    harness.setProcessingTime(0).processElement(1, 10L);
    harness.setProcessingTime(50).processElement(2, 20L);
    harness.setProcessingTime(100);
    assertThat(harness.getOutput()).containsExactly(new StreamRecord<>("fallback1", 10L));
    inner.answer(1); // 2 answers in time
    inner.answer(0); // 1 answers too late: ignored
    harness.setProcessingTime(200).endInput();
    assertThat(harness.extractOutputValues()).containsExactly("fallback1", "r2");
  }

  @Test
  void aFailedRequestFailsWithTheUsersException() throws Exception {
    AsyncFunction<Integer, String> fn = (in, future) -> future.completeExceptionally(new IllegalStateException("db down"));
    var harness = TestHarnesses.forAsync(fn, OutputMode.UNORDERED, NO_TIMEOUT, 10);
    assertThatThrownBy(() -> harness.processElement(1)).hasMessage("db down");
  }

  @Test
  void completingWithNullIsAFailure() throws Exception {
    AsyncFunction<Integer, String> fn = (in, future) -> future.complete(null);
    var harness = TestHarnesses.forAsync(fn, OutputMode.UNORDERED, NO_TIMEOUT, 10);
    assertThatThrownBy(() -> harness.processElement(1))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("empty collection");
  }

  /** Fails its first {@code failures} attempts per record, then answers. */
  static final class FlakyFunction implements AsyncFunction<Integer, String> {
    final int failures;
    int attempts;

    FlakyFunction(int failures) {
      this.failures = failures;
    }

    @Override
    public void asyncInvoke(Integer input, ResultFuture<String> future) {
      attempts++;
      if (attempts <= failures) {
        future.completeExceptionally(new IllegalStateException("attempt " + attempts + " failed"));
      } else {
        future.complete(List.of("r" + input + "@" + attempts));
      }
    }
  }

  private static AsyncRetryStrategy<String> fixedRetry(int maxAttempts, long delayMillis) {
    return new AsyncRetryStrategies.FixedDelayRetryStrategyBuilder<String>(maxAttempts, delayMillis)
        .ifException(RetryPredicates.HAS_EXCEPTION_PREDICATE)
        .build();
  }

  @Test
  void retriesUntilAnAttemptSucceeds() throws Exception {
    FlakyFunction fn = new FlakyFunction(2);
    var harness = TestHarnesses.forAsync(fn, OutputMode.ORDERED, NO_TIMEOUT, 10, fixedRetry(3, 10));
    harness.processElement(1, 5L);
    assertThat(fn.attempts).isEqualTo(1);
    harness.setProcessingTime(9);
    assertThat(fn.attempts).isEqualTo(1);
    harness.setProcessingTime(10);
    assertThat(fn.attempts).isEqualTo(2);
    harness.setProcessingTime(20);
    assertThat(fn.attempts).isEqualTo(3);
    assertThat(harness.getOutput()).containsExactly(new StreamRecord<>("r1@3", 5L));
  }

  @Test
  void givesUpAfterMaxAttemptsRetries() throws Exception {
    FlakyFunction fn = new FlakyFunction(Integer.MAX_VALUE);
    var harness = TestHarnesses.forAsync(fn, OutputMode.ORDERED, NO_TIMEOUT, 10, fixedRetry(2, 10));
    harness.processElement(1).setProcessingTime(10);
    assertThatThrownBy(() -> harness.setProcessingTime(20)).hasMessage("attempt 3 failed");
    assertThat(fn.attempts).isEqualTo(3);
  }

  @Test
  void retriesEmptyResultsAndEmitsTheLastOneWhenRetriesRunOut() throws Exception {
    int[] calls = {0};
    AsyncFunction<Integer, String> fn = (in, future) -> {
      calls[0]++;
      future.complete(List.of());
    };
    AsyncRetryStrategy<String> retry = new AsyncRetryStrategies.ExponentialBackoffDelayRetryStrategyBuilder<String>(
        3, Duration.ofMillis(10), Duration.ofMillis(25), 2.0).ifResult(RetryPredicates.EMPTY_RESULT_PREDICATE).build();
    var harness = TestHarnesses.forAsync(fn, OutputMode.UNORDERED, NO_TIMEOUT, 10, retry);
    harness.processElement(1);
    harness.setProcessingTime(10); // retry 1 after 10 ms
    assertThat(calls[0]).isEqualTo(2);
    harness.setProcessingTime(29);
    assertThat(calls[0]).isEqualTo(2);
    harness.setProcessingTime(30); // retry 2 after 20 ms
    assertThat(calls[0]).isEqualTo(3);
    harness.setProcessingTime(55); // retry 3 after min(40, 25) ms
    assertThat(calls[0]).isEqualTo(4);
    harness.endInput();
    assertThat(harness.getOutput()).isEmpty();
  }

  @Test
  void theTimeoutCoversAllAttempts() throws Exception {
    FlakyFunction fn = new FlakyFunction(Integer.MAX_VALUE);
    var harness = TestHarnesses.forAsync(fn, OutputMode.ORDERED, Duration.ofMillis(25), 10, fixedRetry(100, 10));
    harness.processElement(1).setProcessingTime(10).setProcessingTime(20);
    assertThat(fn.attempts).isEqualTo(3);
    assertThatThrownBy(() -> harness.setProcessingTime(25))
        .isInstanceOf(TimeoutException.class).hasMessageContaining("after 25 ms (3 attempts)");
  }

  @Test
  void finishWaitsForInFlightRecords() throws Exception {
    ManualAsyncFunction fn = new ManualAsyncFunction();
    var harness = TestHarnesses.forAsync(fn, OutputMode.ORDERED, NO_TIMEOUT, 10);
    harness.processElement(1);
    Thread answerer = new Thread(() -> fn.answer(0));
    answerer.start();
    harness.endInput();
    answerer.join();
    assertThat(harness.extractOutputValues()).containsExactly("r1");
  }
}
