package io.spate.runtime.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.spate.runtime.CheckedLaw;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The hand-over between a source function's thread and its task, driven by one thread through any
 * schedule of puts (only while there is room, so none blocks) and takes: whatever its capacity and
 * the size of the batches taken, the task gets every element once, in the order put, with its kind
 * and timestamp, the function's end after the last of them, and exactly one wake-up for the first put
 * after each take that found nothing.
 */
class SourceHandoverPropertiesTest {

  private record Element(byte kind, Object value, long timestamp) {}

  @Test
  void everyElementArrivesOnceInOrderAndEveryWaitIsWokenOnce() {
    qt().forAll(integers().between(1, 12), integers().between(1, 12),
            lists().of(integers().between(0, 5)).ofSizeBetween(0, 40))
        .checkAssert((capacity, batchSize, schedule) -> CheckedLaw.check(() ->
            handOver(capacity, batchSize, schedule)));
  }

  /** Runs {@code schedule}: a positive step puts up to that many elements (as room allows), 0 takes a batch. */
  private static void handOver(int capacity, int batchSize, List<Integer> schedule) throws Exception {
    SourceHandover handover = new SourceHandover(capacity);
    int[] wakes = {0};
    handover.setWaker(() -> wakes[0]++);
    SourceHandover.Batch batch = new SourceHandover.Batch(batchSize);
    List<Element> put = new ArrayList<>();
    List<Element> taken = new ArrayList<>();
    int held = 0;
    boolean takerWaits = false;
    for (int step : schedule) {
      if (step == 0) {
        int size = take(handover, batch, taken);
        assertThat(batch.ended).isFalse();
        held -= size;
        takerWaits = size == 0;
        continue;
      }
      for (int i = 0; i < step && held < capacity; i++) {
        int n = put.size();
        Element element = new Element((byte) (n % 3), n % 3 == 0 ? "r" + n : null, n % 3 == 2 ? 0 : n * 10L);
        int wakesBefore = wakes[0];
        handover.put(element.kind(), element.value(), element.timestamp());
        put.add(element);
        held++;
        assertThat(wakes[0] - wakesBefore).as("wake-ups for put %s", n).isEqualTo(takerWaits ? 1 : 0);
        takerWaits = false;
      }
    }
    handover.end(null);
    // Bounded: each take that is not the last takes at least one element.
    for (int round = 0; round <= put.size(); round++) {
      take(handover, batch, taken);
      if (batch.ended) {
        break;
      }
    }
    assertThat(batch.ended).as("the end after the last element").isTrue();
    assertThat(batch.failure).isNull();
    assertThat(taken).containsExactlyElementsOf(put);
  }

  private static int take(SourceHandover handover, SourceHandover.Batch batch, List<Element> taken) {
    handover.takeInto(batch);
    int size = batch.size;
    for (int i = 0; i < size; i++) {
      taken.add(new Element(batch.kinds[i], batch.values[i], batch.timestamps[i]));
    }
    batch.clear();
    return size;
  }
}
