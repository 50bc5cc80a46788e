package io.spate.runtime.network.remote;

import io.spate.runtime.network.ChannelId;
import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.JobID;
import io.spate.api.serialization.LongSerializer;
import io.spate.api.serialization.RecordSerializer;
import io.spate.api.serialization.StringSerializer;
import io.spate.api.serialization.TypeSerializer;
import io.spate.runtime.network.ChannelFailure;
import io.spate.runtime.network.LocalChannel;
import io.spate.runtime.network.RecordBatch;
import io.spate.runtime.network.StreamElements;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/** Drives remote channels from tests: ids, a record type, producing and consuming with wakers. */
final class Channels {

  static final long TIMEOUT_SECONDS = 20;
  private static final JobID JOB = new JobID(0x1234L, 0x5678L);
  private static final AtomicInteger ATTEMPTS = new AtomicInteger();

  /** A record type that travels in the tests. */
  public record Trade(String symbol, long price) {}

  static final TypeSerializer<Trade> TRADES =
      new RecordSerializer<>(Trade.class, new TypeSerializer<?>[] {StringSerializer.INSTANCE, LongSerializer.INSTANCE});

  private Channels() {}

  /** A channel id no other test uses. */
  static ChannelId freshId(int edge, int producer, int consumer) {
    return new ChannelId(JOB, ATTEMPTS.incrementAndGet(), edge, producer, consumer);
  }

  /** What a test compares: a batch's records and timestamps, any other element as it is. */
  record BatchContent(List<Object> values, List<Long> timestamps) {}

  static Object content(Object element) {
    if (element instanceof RecordBatch batch) {
      List<Object> values = new ArrayList<>();
      List<Long> timestamps = new ArrayList<>();
      for (int i = 0; i < batch.size(); i++) {
        values.add(batch.value(i));
        timestamps.add(batch.timestamp(i));
      }
      return new BatchContent(values, timestamps);
    }
    return element;
  }

  static RecordBatch batch(int capacity, Object... values) {
    RecordBatch batch = new RecordBatch(capacity);
    for (int i = 0; i < values.length; i++) {
      batch.add(values[i], 1000L + i);
    }
    return batch;
  }

  /** Waits, without spinning, for {@code condition} to hold; {@code signal} is released when it may have changed. */
  static void await(Semaphore signal, BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    while (!condition.getAsBoolean()) {
      long left = deadline - System.nanoTime();
      if (left <= 0 || !signal.tryAcquire(left, TimeUnit.NANOSECONDS)) {
        if (condition.getAsBoolean()) {
          return;
        }
        throw new AssertionError("timed out waiting for " + what);
      }
    }
  }

  /** Offers {@code elements} into the channels round robin, waiting on their producer wakers when full. */
  static Thread startProducer(List<LocalChannel> outbound, List<List<Object>> elements) {
    Semaphore room = new Semaphore(0);
    for (LocalChannel channel : outbound) {
      channel.registerProducerWaker(room::release);
    }
    Thread thread = new Thread(() -> {
      int[] next = new int[outbound.size()];
      int remaining = elements.stream().mapToInt(List::size).sum();
      try {
        while (remaining > 0) {
          boolean progress = false;
          for (int c = 0; c < outbound.size(); c++) {
            if (next[c] < elements.get(c).size() && outbound.get(c).offer(elements.get(c).get(next[c]))) {
              next[c]++;
              remaining--;
              progress = true;
            }
          }
          if (!progress && !room.tryAcquire(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("producer stuck");
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "test-producer");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /**
   * Reads every channel until its end of partition or failure marker, returning the contents of the
   * elements in order (the marker included).
   */
  static List<List<Object>> readAll(List<LocalChannel> inbound) throws InterruptedException {
    Semaphore arrived = new Semaphore(0);
    for (LocalChannel channel : inbound) {
      channel.registerConsumerWaker(arrived::release);
    }
    List<List<Object>> received = new ArrayList<>();
    boolean[] ended = new boolean[inbound.size()];
    for (int c = 0; c < inbound.size(); c++) {
      received.add(new ArrayList<>());
    }
    int open = inbound.size();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    while (open > 0) {
      boolean progress = false;
      for (int c = 0; c < inbound.size(); c++) {
        Object element;
        while (!ended[c] && (element = inbound.get(c).poll()) != null) {
          progress = true;
          received.get(c).add(content(element));
          if (element instanceof RecordBatch batch) {
            assertThat(batch.hasKeys()).as("keys do not travel").isFalse();
            inbound.get(c).recycle(batch);
          }
          if (element == StreamElements.END_OF_PARTITION || element instanceof ChannelFailure) {
            ended[c] = true;
            open--;
          }
        }
      }
      if (!progress) {
        long left = deadline - System.nanoTime();
        if (left <= 0 || !arrived.tryAcquire(left, TimeUnit.NANOSECONDS)) {
          throw new AssertionError("timed out reading; so far: " + received);
        }
      }
    }
    return received;
  }

  /** Sends a few batches from {@code producer}'s process to {@code consumer}'s and checks they arrive. */
  static void assertTransferWorks(RemoteShuffleService producer, RemoteShuffleService consumer)
      throws InterruptedException {
    ChannelId id = freshId(9, 0, 0);
    LocalChannel out = producer.outbound(id, consumer.address(), TRADES, 2);
    LocalChannel in = consumer.inbound(id, producer.address(), TRADES, 2);
    List<Object> elements = new ArrayList<>();
    List<Object> expected = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      RecordBatch batch = batch(2, new Trade("ok", i));
      elements.add(batch);
      expected.add(content(batch));
    }
    elements.add(StreamElements.END_OF_PARTITION);
    expected.add(StreamElements.END_OF_PARTITION);
    Thread thread = startProducer(List.of(out), List.of(elements));
    assertThat(readAll(List.of(in)).get(0)).isEqualTo(expected);
    thread.join();
  }

  /** Reads one channel until its failure marker, which it returns. */
  static ChannelFailure awaitFailure(LocalChannel inbound) throws InterruptedException {
    List<Object> elements = readAll(List.of(inbound)).get(0);
    Object last = elements.get(elements.size() - 1);
    assertThat(last).as("last element of " + elements).isInstanceOf(ChannelFailure.class);
    return (ChannelFailure) last;
  }
}
