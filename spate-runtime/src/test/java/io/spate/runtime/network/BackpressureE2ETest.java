package io.spate.runtime.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.JobClient;
import io.spate.api.connector.sink.Sink;
import io.spate.api.connector.sink.SinkWriter;
import io.spate.api.connector.sink.WriterInitContext;
import io.spate.api.datastream.CloseableIterator;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.MapFunction;
import io.spate.testing.Await;
import java.time.Duration;
import java.util.BitSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Bounded everything (DESIGN.md, principle 3): a slow consumer slows its producer. While a sink is
 * held, the source may not run ahead of it by more than what the channels, batches and one source
 * emission hold; once released, every record arrives.
 */
class BackpressureE2ETest {

  private static final int BATCH_SIZE = 16;
  private static final int CHANNEL_CAPACITY = 4;
  /** Records a sequence/generator reader emits in one poll (NumberSequenceSource's batch). */
  private static final int SOURCE_EMISSION = 1024;
  private static final long N = 100_000;

  /** What one producer may have in flight: a batch per stage, the channel, and two source emissions. */
  private static long boundPerProducer() {
    return 2L * SOURCE_EMISSION + (CHANNEL_CAPACITY + 3L) * BATCH_SIZE;
  }

  static final AtomicLong MAPPED = new AtomicLong();
  static final AtomicLong SUNK = new AtomicLong();
  static final AtomicLong MAX_IN_FLIGHT = new AtomicLong();
  static final Semaphore PERMITS = new Semaphore(0);
  static volatile CountDownLatch sinkEntered = new CountDownLatch(1);
  static final BitSet SEEN = new BitSet();

  private static void reset() {
    MAPPED.set(0);
    SUNK.set(0);
    MAX_IN_FLIGHT.set(0);
    PERMITS.drainPermits();
    sinkEntered = new CountDownLatch(1);
    synchronized (SEEN) {
      SEEN.clear();
    }
  }

  /** Counts the records that left the source, and the largest gap to the sink it ever saw. */
  static final class CountingMap implements MapFunction<Long, Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public Long map(Long value) {
      long inFlight = MAPPED.incrementAndGet() - SUNK.get();
      MAX_IN_FLIGHT.accumulateAndGet(inFlight, Math::max);
      return value;
    }
  }

  /** A sink that takes one permit per record: the test releases them step by step. */
  static final class HeldSink implements Sink<Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public SinkWriter<Long> createWriter(WriterInitContext context) {
      return new SinkWriter<>() {
        @Override
        public void write(Long element, Context ctx) throws InterruptedException {
          sinkEntered.countDown();
          PERMITS.acquire();
          synchronized (SEEN) {
            SEEN.set((int) (long) element);
          }
          SUNK.incrementAndGet();
        }

        @Override
        public void flush(boolean endOfInput) {}
      };
    }
  }

  private static StreamExecutionEnvironment env(int parallelism) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    env.getConfiguration().setString("taskmanager.network.batch-size", String.valueOf(BATCH_SIZE));
    env.getConfiguration().setString("taskmanager.network.channel-capacity", String.valueOf(CHANNEL_CAPACITY));
    // the held sink blocks the worker that runs it; give the source a worker of its own
    env.getConfiguration().setString("taskmanager.worker-threads", "4");
    return env;
  }

  private void runHeldSinkJob(StreamExecutionEnvironment env, DataStream<Long> counted, int producers)
      throws Exception {
    long bound = producers * boundPerProducer();
    assertThat(N).as("the test needs far more records than the bound").isGreaterThan(20 * bound);
    counted.sinkTo(new HeldSink()).setParallelism(1).disableChaining();
    JobClient client = env.executeAsync("backpressure");
    try {
      assertThat(sinkEntered.await(30, TimeUnit.SECONDS)).as("the sink got its first record").isTrue();
      // the source does run while the sink is held ...
      Await.until(Duration.ofSeconds(30), () -> "records read while the sink is held: " + MAPPED.get(),
          () -> MAPPED.get() >= CHANNEL_CAPACITY * BATCH_SIZE);
      // ... but stays within the bound: watch it for a while (nothing is released meanwhile)
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
      while (System.nanoTime() < deadline) {
        assertThat(MAPPED.get()).as("records read while the sink holds the first one").isLessThanOrEqualTo(bound);
        Thread.sleep(5);
      }
      // release step by step; at every step the source stays within the bound of the sink
      long released = 0;
      long step = 7_919;
      while (released < N) {
        long now = Math.min(step, N - released);
        PERMITS.release((int) now);
        released += now;
        long target = released;
        Await.until(Duration.ofSeconds(30), "the sink to reach " + target, () -> SUNK.get() >= target);
        assertThat(MAPPED.get() - SUNK.get()).as("in flight after releasing %d", released).isLessThanOrEqualTo(bound);
      }
      client.getJobExecutionResult().get(30, TimeUnit.SECONDS);
    } finally {
      PERMITS.release(Integer.MAX_VALUE / 2);
      if (!client.getJobExecutionResult().isDone()) {
        client.cancel().get(30, TimeUnit.SECONDS);
      }
    }
    assertThat(SUNK.get()).isEqualTo(N);
    synchronized (SEEN) {
      assertThat(SEEN.cardinality()).isEqualTo((int) N);
      assertThat(SEEN.nextSetBit(0)).isEqualTo(1);
      assertThat(SEEN.length() - 1).isEqualTo((int) N);
    }
    assertThat(MAX_IN_FLIGHT.get()).as("largest gap between source and sink").isLessThanOrEqualTo(bound);
  }

  @Test
  void aHeldSinkHoldsBackItsSource() throws Exception {
    reset();
    StreamExecutionEnvironment env = env(1);
    DataStream<Long> counted = env.fromSequence(1, N).setParallelism(1).map(new CountingMap()).setParallelism(1);
    runHeldSinkJob(env, counted, 1);
  }

  @Test
  void aHeldSinkHoldsBackParallelProducersAcrossAKeyedShuffle() throws Exception {
    reset();
    StreamExecutionEnvironment env = env(2);
    DataStream<Long> counted = env.fromSequence(1, N).setParallelism(2).map(new CountingMap()).setParallelism(2)
        .keyBy(x -> x % 101).reduce((a, b) -> b).setParallelism(1);
    // the reduce forwards each record; only the key's latest is kept, so count distinct records at the sink
    runHeldSinkJobCountingOnly(env, counted, 2);
  }

  /** Like {@link #runHeldSinkJob} for a pipeline whose records are not the indices 1..N. */
  private void runHeldSinkJobCountingOnly(StreamExecutionEnvironment env, DataStream<Long> counted, int producers)
      throws Exception {
    long bound = producers * boundPerProducer() + 2L * (CHANNEL_CAPACITY + 3L) * BATCH_SIZE;
    counted.sinkTo(new HeldSink()).setParallelism(1).disableChaining();
    JobClient client = env.executeAsync("backpressure-keyed");
    try {
      assertThat(sinkEntered.await(30, TimeUnit.SECONDS)).isTrue();
      Await.until(Duration.ofSeconds(30), () -> "records read while the sink is held: " + MAPPED.get(),
          () -> MAPPED.get() >= CHANNEL_CAPACITY * BATCH_SIZE);
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
      while (System.nanoTime() < deadline) {
        assertThat(MAPPED.get()).isLessThanOrEqualTo(bound);
        Thread.sleep(5);
      }
      PERMITS.release((int) N);
      client.getJobExecutionResult().get(30, TimeUnit.SECONDS);
    } finally {
      PERMITS.release(Integer.MAX_VALUE / 2);
      if (!client.getJobExecutionResult().isDone()) {
        client.cancel().get(30, TimeUnit.SECONDS);
      }
    }
    assertThat(SUNK.get()).isEqualTo(N);
    assertThat(MAPPED.get()).isEqualTo(N);
  }

  @Test
  void anUnreadCollectIteratorHoldsBackTheJob() throws Exception {
    reset();
    StreamExecutionEnvironment env = env(1);
    DataStream<Long> counted = env.fromSequence(1, N).setParallelism(1).map(new CountingMap()).setParallelism(1);
    // executeAndCollect hands records over through a bounded buffer; an idle reader must stop the source
    long bufferBound = 4_096 + boundPerProducer();
    long read = 0;
    long sum = 0;
    try (CloseableIterator<Long> it = counted.executeAndCollect("collect-backpressure")) {
      assertThat(it.hasNext()).isTrue();
      sum += it.next();
      read++;
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
      while (System.nanoTime() < deadline) {
        assertThat(MAPPED.get()).as("records read while the client reads nothing").isLessThanOrEqualTo(bufferBound);
        Thread.sleep(5);
      }
      while (it.hasNext()) {
        sum += it.next();
        read++;
      }
    }
    assertThat(read).isEqualTo(N);
    assertThat(sum).isEqualTo(N * (N + 1) / 2);
  }
}
