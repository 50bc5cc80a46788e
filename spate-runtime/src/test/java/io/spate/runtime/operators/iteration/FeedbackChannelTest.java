package io.spate.runtime.operators.iteration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.spate.api.serialization.TypeSerializer;
import io.spate.api.typeinfo.Types;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The feedback channel: first in, first out across memory and the spill file, never refusing a record. */
class FeedbackChannelTest {

  @TempDir
  Path spillDir;

  @SuppressWarnings("unchecked")
  private FeedbackChannel channel(int memory) {
    return new FeedbackChannel("IterationSource-1", memory, spillDir,
        () -> (TypeSerializer<Object>) (TypeSerializer<?>) Types.LONG.createSerializer());
  }

  /**
   * Any interleaving of offers and polls hands the records to the head in the order the tail offered
   * them, with their timestamps, whatever the memory size: a step {@code k >= 0} offers k records, a
   * step {@code k < 0} polls up to -k.
   */
  @Test
  void recordsComeOutInOfferOrderWithTheirTimestamps() {
    qt().withExamples(200)
        .forAll(integers().between(1, 8), lists().of(integers().between(-20, 30)).ofSizeBetween(0, 40))
        .checkAssert((memory, steps) -> {
          FeedbackChannel channel = channel(memory);
          List<Long> offered = new ArrayList<>();
          List<Long> polled = new ArrayList<>();
          Object[] values = new Object[20];
          long[] timestamps = new long[20];
          long next = 0;
          for (int step : steps) {
            if (step >= 0) {
              for (int i = 0; i < step; i++) {
                channel.offer(next, next * 10);
                offered.add(next++);
              }
            } else {
              drainOnce(channel, values, timestamps, -step, polled);
            }
          }
          for (int i = 0; i <= offered.size() && !channel.isEmpty(); i++) {
            drainOnce(channel, values, timestamps, values.length, polled);
          }
          assertThat(channel.isEmpty()).isTrue();
          assertThat(polled).isEqualTo(offered);
          channel.dispose();
        });
  }

  private static void drainOnce(FeedbackChannel channel, Object[] values, long[] timestamps, int max,
      List<Long> polled) {
    int n = channel.poll(values, timestamps, max);
    for (int i = 0; i < n; i++) {
      long value = (Long) values[i];
      assertThat(timestamps[i]).as("timestamp of %d", value).isEqualTo(value * 10);
      polled.add(value);
    }
  }

  @Test
  void aFullMemorySpillsToAFileThatIsDeletedOnceRead() throws IOException {
    FeedbackChannel channel = channel(4);
    for (long v = 0; v < 100; v++) {
      channel.offer(v, Long.MIN_VALUE);
    }
    assertThat(channel.totalSpilled()).isEqualTo(96);
    assertThat(filesIn(spillDir)).hasSize(1);
    Object[] values = new Object[100];
    long[] timestamps = new long[100];
    assertThat(channel.poll(values, timestamps, 100)).isEqualTo(100);
    assertThat(values[0]).isEqualTo(0L);
    assertThat(values[99]).isEqualTo(99L);
    assertThat(timestamps[50]).isEqualTo(Long.MIN_VALUE);
    assertThat(filesIn(spillDir)).isEmpty();
  }

  @Test
  void disposeDeletesTheSpillFile() throws IOException {
    FeedbackChannel channel = channel(1);
    channel.offer(1L, 0);
    channel.offer(2L, 0);
    assertThat(filesIn(spillDir)).hasSize(1);
    channel.dispose();
    assertThat(filesIn(spillDir)).isEmpty();
  }

  @Test
  void theHeadEndsOnlyWhenNothingWaitsAndThenARecordFailsRatherThanVanish() {
    FeedbackChannel channel = channel(2);
    channel.offer(1L, 0);
    assertThat(channel.endHeadIfEmpty()).isFalse();
    channel.poll(new Object[1], new long[1], 1);
    assertThat(channel.endHeadIfEmpty()).isTrue();
    assertThatThrownBy(() -> channel.offer(2L, 0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("IterationSource-1")
        .hasMessageContaining("after the head ended")
        .hasMessageContaining("maxWaitTimeMillis");
  }

  @Test
  void anEmptyChannelWakesTheHeadOnItsFirstRecordOnly() {
    FeedbackChannel channel = channel(8);
    AtomicInteger wakes = new AtomicInteger();
    channel.setWake(wakes::incrementAndGet);
    channel.offer(1L, 0);
    channel.offer(2L, 0);
    assertThat(wakes).hasValue(1);
    channel.poll(new Object[2], new long[2], 2);
    channel.offer(3L, 0);
    assertThat(wakes).hasValue(2);
  }

  @Test
  void theRegistryGivesBothEndsOneChannelAndDisposesOfItWhenBothLetGo() {
    FeedbackChannels.Key key = new FeedbackChannels.Key(io.spate.api.common.JobID.generate(), 0, 3, 1);
    FeedbackChannel head = FeedbackChannels.acquire(key, () -> channel(4));
    FeedbackChannel tail = FeedbackChannels.acquire(key, () -> channel(4));
    assertThat(tail).isSameAs(head);
    FeedbackChannels.release(key);
    head.offer(1L, 0); // one end still holds it
    FeedbackChannels.release(key);
    FeedbackChannel next = FeedbackChannels.acquire(key, () -> channel(4));
    assertThat(next).isNotSameAs(head);
    FeedbackChannels.release(key);
    assertThatThrownBy(() -> head.offer(1L, 0)).isInstanceOf(IllegalStateException.class);
  }

  private static List<Path> filesIn(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.toList();
    }
  }
}
