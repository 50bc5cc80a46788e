package io.spate.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.spate.api.common.JobClient;
import io.spate.api.common.JobExecutionException;
import io.spate.api.common.JobStatus;
import io.spate.api.datastream.AsyncDataStream;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.OpenContext;
import io.spate.api.functions.async.AsyncRetryStrategies;
import io.spate.api.functions.async.ResultFuture;
import io.spate.api.functions.async.RetryPredicates;
import io.spate.api.functions.async.RichAsyncFunction;
import io.spate.runtime.e2e.E2eSupport.Landed;
import io.spate.runtime.e2e.E2eSupport.RecordingSink;
import io.spate.runtime.e2e.E2eSupport.Tagged;
import io.spate.runtime.e2e.E2eSupport.TaggedSource;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.testing.Await;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Async I/O in real jobs: results, order, capacity, timeouts, retries, failures and cancellation. */
class AsyncIoE2ETest {

  /**
   * Answers {@code x * 10} from a small thread pool of its own after a random pause, so that
   * requests complete out of order; counts how many requests are open at once.
   */
  static class TimesTen extends RichAsyncFunction<Long, Long> {
    static final AtomicInteger OPEN = new AtomicInteger();
    static final AtomicInteger MAX_OPEN = new AtomicInteger();

    private transient ExecutorService pool;

    @Override
    public void open(OpenContext openContext) {
      pool = Executors.newFixedThreadPool(3);
    }

    @Override
    public void asyncInvoke(Long input, ResultFuture<Long> resultFuture) {
      MAX_OPEN.accumulateAndGet(OPEN.incrementAndGet(), Math::max);
      pool.execute(() -> {
        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(50_000));
        OPEN.decrementAndGet();
        resultFuture.complete(List.of(input * 10));
      });
    }

    @Override
    public void close() {
      pool.shutdownNow();
    }
  }

  private static List<Long> timesTen(long from, long to) {
    List<Long> expected = new ArrayList<>();
    for (long x = from; x <= to; x++) {
      expected.add(x * 10);
    }
    return expected;
  }

  @Test
  void orderedWaitAtParallelismOneKeepsInputOrderAndCapacity() throws Exception {
    TimesTen.MAX_OPEN.set(0);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    DataStream<Long> out = AsyncDataStream.orderedWait(
        env.fromSequence(1, 2_000), new TimesTen(), Duration.ofSeconds(30), 5);
    assertThat(E2eSupport.collect(out)).isEqualTo(timesTen(1, 2_000));
    assertThat(TimesTen.MAX_OPEN.get()).isBetween(1, 5);
  }

  @Test
  void unorderedWaitAtParallelismFourEmitsEveryResultOnce() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(4);
    DataStream<Long> out = AsyncDataStream.unorderedWait(
        env.fromSequence(1, 4_000), new TimesTen(), 30, TimeUnit.SECONDS, 7);
    assertThat(E2eSupport.collect(out)).containsExactlyInAnyOrderElementsOf(timesTen(1, 4_000));
  }

  /** Echoes the tagged record after a random pause on its own thread pool. */
  static class TaggedEcho extends RichAsyncFunction<Tagged, Tagged> {
    private transient ExecutorService pool;

    @Override
    public void open(OpenContext openContext) {
      pool = Executors.newFixedThreadPool(2);
    }

    @Override
    public void asyncInvoke(Tagged input, ResultFuture<Tagged> resultFuture) {
      pool.execute(() -> {
        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(50_000));
        resultFuture.complete(List.of(input));
      });
    }

    @Override
    public void close() {
      pool.shutdownNow();
    }
  }

  @Test
  void orderedWaitAtParallelismFourKeepsEachSubtasksOrder() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(4);
    DataStream<Tagged> tagged = env.fromSource(new TaggedSource(500), WatermarkStrategy.noWatermarks(), "tagged");
    RecordingSink<Tagged> sink = new RecordingSink<>();
    AsyncDataStream.orderedWait(tagged, new TaggedEcho(), Duration.ofSeconds(30), 4).sinkTo(sink);
    E2eSupport.run(env, "ordered p4");
    Map<Integer, List<Long>> bySubtask = new ConcurrentHashMap<>();
    for (Landed<Tagged> landed : sink.landed()) {
      bySubtask.computeIfAbsent(landed.value().subtask(), k -> new ArrayList<>()).add(landed.value().index());
    }
    // The source splits the indices 0..499 between its subtasks; each subtask's part keeps its order.
    List<Long> all = new ArrayList<>();
    bySubtask.values().forEach(indices -> {
      assertThat(indices).isSorted().doesNotHaveDuplicates();
      all.addAll(indices);
    });
    assertThat(all).containsExactlyInAnyOrderElementsOf(LongStream.range(0, 500).boxed().toList());
    assertThat(bySubtask).hasSizeGreaterThan(1);
  }

  /** Fails the first two attempts of every record, then answers {@code x * 10}. */
  static class FailsTwice extends RichAsyncFunction<Long, Long> {
    private final Map<Long, AtomicInteger> attempts = new ConcurrentHashMap<>();

    @Override
    public void asyncInvoke(Long input, ResultFuture<Long> resultFuture) {
      int attempt = attempts.computeIfAbsent(input, k -> new AtomicInteger()).incrementAndGet();
      if (attempt <= 2) {
        resultFuture.completeExceptionally(new IOException("attempt " + attempt + " for " + input));
      } else {
        resultFuture.complete(List.of(input * 10));
      }
    }
  }

  @Test
  void retriesUntilTheThirdAttemptSucceeds() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    DataStream<Long> out = AsyncDataStream.orderedWaitWithRetry(env.fromSequence(1, 200), new FailsTwice(),
        Duration.ofSeconds(30), 10,
        new AsyncRetryStrategies.FixedDelayRetryStrategyBuilder<Long>(2, Duration.ofMillis(1))
            .ifException(RetryPredicates.HAS_EXCEPTION_PREDICATE).build());
    assertThat(E2eSupport.collect(out)).containsExactlyInAnyOrderElementsOf(timesTen(1, 200));
  }

  @Test
  void aRequestThatFailsForGoodFailsTheJobNamingTheOperator() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    AsyncDataStream.unorderedWaitWithRetry(env.fromSequence(1, 200), new FailsTwice(), Duration.ofSeconds(30), 10,
            new AsyncRetryStrategies.FixedDelayRetryStrategyBuilder<Long>(1, Duration.ofMillis(1))
                .ifException(RetryPredicates.HAS_EXCEPTION_PREDICATE).build())
        .name("Lookup").discard();
    Throwable thrown = catchThrowable(() -> env.execute("async-failing"));
    assertThat(thrown).isInstanceOf(JobExecutionException.class);
    assertThat(thrown.getMessage()).contains("async-failing").contains("Lookup");
    assertThat(thrown.getCause()).isInstanceOf(IOException.class).hasMessageStartingWith("attempt 2 for ");
  }

  /** Never answers. */
  static class Silent extends RichAsyncFunction<Long, Long> {
    @Override
    public void asyncInvoke(Long input, ResultFuture<Long> resultFuture) {}
  }

  @Test
  void aTimeoutFailsTheJobWithAClearError() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    AsyncDataStream.orderedWait(env.fromSequence(1, 10), new Silent(), Duration.ofMillis(100)).name("Slow lookup")
        .discard();
    Throwable thrown = catchThrowable(() -> env.execute("async-timeout"));
    assertThat(thrown).isInstanceOf(JobExecutionException.class);
    assertThat(thrown.getMessage()).contains("Slow lookup");
    assertThat(thrown.getCause()).isInstanceOf(TimeoutException.class)
        .hasMessage("The async request timed out after 100 ms (1 attempt)");
  }

  /** Never answers, but falls back to {@code -x} on timeout. */
  static class SilentWithFallback extends Silent {
    @Override
    public void timeout(Long input, ResultFuture<Long> resultFuture) {
      resultFuture.complete(List.of(-input));
    }
  }

  @Test
  void anOverriddenTimeoutEmitsItsFallback() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    DataStream<Long> out = AsyncDataStream.orderedWait(
        env.fromSequence(1, 20), new SilentWithFallback(), Duration.ofMillis(20), 20);
    List<Long> expected = new ArrayList<>();
    for (long x = 1; x <= 20; x++) {
      expected.add(-x);
    }
    assertThat(E2eSupport.collect(out)).isEqualTo(expected);
  }

  /** Hands every request to its own client threads, which hold it until they are interrupted. */
  static class Hanging extends RichAsyncFunction<Long, Long> {
    static final String THREAD_PREFIX = "async-e2e-hanging-client-";
    static final CountDownLatch STARTED = new CountDownLatch(8);
    static final AtomicInteger CLOSED = new AtomicInteger();

    private transient ExecutorService pool;

    @Override
    public void open(OpenContext openContext) {
      AtomicInteger n = new AtomicInteger();
      pool = Executors.newFixedThreadPool(2, r -> new Thread(r, THREAD_PREFIX + n.incrementAndGet()));
    }

    @Override
    public void asyncInvoke(Long input, ResultFuture<Long> resultFuture) {
      STARTED.countDown();
      pool.execute(() -> {
        try {
          new CountDownLatch(1).await();
        } catch (InterruptedException e) {
          resultFuture.completeExceptionally(e);
        }
      });
    }

    @Override
    public void close() throws InterruptedException {
      pool.shutdownNow();
      pool.awaitTermination(10, TimeUnit.SECONDS);
      CLOSED.incrementAndGet();
    }
  }

  @Test
  void cancellingAJobWithRequestsInFlightLeavesNoThreadsBehind() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    AsyncDataStream.unorderedWait(env.fromSequence(1, 1_000_000), new Hanging(), Duration.ZERO, 8).discard();
    JobClient client = env.executeAsync("async-cancel");
    assertThat(Hanging.STARTED.await(30, TimeUnit.SECONDS)).isTrue();
    client.cancel().get(30, TimeUnit.SECONDS);
    assertThat(client.getJobStatus().get(10, TimeUnit.SECONDS)).isEqualTo(JobStatus.CANCELED);
    Await.until(Duration.ofSeconds(10), "the hanging function to be closed", () -> Hanging.CLOSED.get() == 1);
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(t -> t.getName().startsWith(Hanging.THREAD_PREFIX) && t.isAlive());
  }
}
