package io.spate.runtime.timers;

import io.spate.runtime.timers.Timer;
import io.spate.runtime.timers.HeapTimerQueue;
import io.spate.runtime.timers.TimerQueue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.spate.runtime.CheckedLaw;
import io.spate.runtime.ShrinkingLists;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The timer queue against a sorted set: random adds, removes and polls keep at most one timer per
 * (timestamp, key, namespace), polls come out in timestamp order, and a snapshot's walk visits
 * exactly the queued timers.
 */
class TimerQueuePropertiesTest {

  record Op(int kind, long timestamp, int key, int namespace) {}

  record Entry(long timestamp, int key, int namespace) {}

  private static final Comparator<Entry> ORDER = Comparator.comparingLong(Entry::timestamp)
      .thenComparingInt(Entry::key).thenComparingInt(Entry::namespace);

  private static Gen<List<Op>> operations() {
    Gen<Op> op = integers().between(0, 2).zip(longs().between(-5, 20), integers().between(0, 3),
        integers().between(0, 1), Op::new);
    return ShrinkingLists.of(op, 0, 300);
  }

  /** Mostly adds over a wide range, so that the queue grows its heap and its table several times. */
  private static Gen<List<Op>> growingQueues() {
    Gen<Op> op = integers().between(0, 5).map(k -> k < 4 ? 0 : k - 3).zip(longs().between(-1000, 1000),
        integers().between(0, 40), integers().between(0, 2), Op::new);
    return ShrinkingLists.of(op, 500, 3000);
  }

  // Shrinking stops after a bounded number of cycles (QuickTheories' default is 100 per example), so
  // that a failure is reported within the module's 90 s test timeout.
  @Test
  void behavesLikeASortedSetPolledByTimestamp() {
    qt().withExamples(300).withShrinkCycles(5000).forAll(operations())
        .checkAssert(ops -> CheckedLaw.check(() -> checkAgainstSortedSet(ops)));
  }

  @Test
  void growingQueueBehavesLikeASortedSet() {
    qt().withExamples(50).withShrinkCycles(1000).forAll(growingQueues())
        .checkAssert(ops -> CheckedLaw.check(() -> checkAgainstSortedSet(ops)));
  }

  /**
   * Timers whose probes start in the last slots of the table run on into its first ones, where
   * other timers start: removing any of them must leave the others findable. Random keys rarely
   * place a run across the end of the table.
   */
  @Test
  void timersProbedAcrossTheEndOfTheTableStayFindable() {
    qt().withExamples(200).forAll(slotNumbers(), slotNumbers())
        .checkAssert(TimerQueuePropertiesTest::timersProbedAcrossTheEndOfTheTableStayFindable);
  }

  private static void timersProbedAcrossTheEndOfTheTableStayFindable(List<Integer> insertion,
      List<Integer> removal) {
    int slots = HeapTimerQueue.INITIAL_SLOTS;
    int shift = 64 - Integer.numberOfTrailingZeros(slots);
    List<Integer> keys = new ArrayList<>();
    int[] wanted = {slots - 2, slots - 1, 0, 1};
    for (int home : wanted) {
      for (int k = 0, found = 0; found < 2; k++) {
        if (HeapTimerQueue.home(Timer.hash(7, k, null), shift) == home) {
          keys.add(k);
          found++;
        }
      }
    }
    List<Integer> pending = new ArrayList<>(keys);
    TimerQueue queue = new HeapTimerQueue();
    for (int index : insertion) {
      assertThat(queue.add(7, pending.remove(index % pending.size()), null)).isTrue();
    }
    pending.forEach(k -> assertThat(queue.add(7, k, null)).isTrue());
    List<Integer> left = new ArrayList<>(keys);
    for (int index : removal) {
      Integer removed = left.remove(index % left.size());
      assertThat(queue.remove(7, removed, null)).isTrue();
      assertThat(queue.remove(7, removed, null)).isFalse();
      left.forEach(k -> assertThat(queue.add(7, k, null)).as("key %s still queued", k).isFalse());
    }
  }

  private static Gen<List<Integer>> slotNumbers() {
    return lists().of(integers().between(0, 100)).ofSize(7);
  }

  private static void checkAgainstSortedSet(List<Op> ops) throws IOException {
    TimerQueue queue = new HeapTimerQueue();
    TreeSet<Entry> model = new TreeSet<>(ORDER);
    for (Op op : ops) {
      Entry e = new Entry(op.timestamp(), op.key(), op.namespace());
      switch (op.kind()) {
        case 0 -> assertThat(queue.add(e.timestamp(), "k" + e.key(), "n" + e.namespace())).isEqualTo(model.add(e));
        case 1 -> assertThat(queue.remove(e.timestamp(), "k" + e.key(), "n" + e.namespace())).isEqualTo(model.remove(e));
        default -> {
          Timer polled = queue.poll();
          if (model.isEmpty()) {
            assertThat(polled).isNull();
          } else {
            // Ties in timestamp may come out in any order: compare the timestamp, then remove the
            // polled timer itself from the model.
            assertThat(polled.timestamp).isEqualTo(model.first().timestamp());
            Entry actual = new Entry(polled.timestamp, Integer.parseInt(((String) polled.key).substring(1)),
                Integer.parseInt(((String) polled.namespace).substring(1)));
            assertThat(model.remove(actual)).isTrue();
          }
        }
      }
      assertThat(queue.size()).isEqualTo(model.size());
    }
    List<Entry> visited = new ArrayList<>();
    queue.forEach((key, namespace, timestamp) -> visited.add(new Entry(timestamp,
        Integer.parseInt(((String) key).substring(1)), Integer.parseInt(((String) namespace).substring(1)))));
    assertThat(visited).as("the timers a snapshot writes").containsExactlyInAnyOrderElementsOf(model);
    List<Long> drained = new ArrayList<>();
    Timer t;
    while ((t = queue.poll()) != null) {
      drained.add(t.timestamp);
    }
    assertThat(drained).isSorted().hasSize(model.size());
  }
}
