package io.spate.runtime.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;
import sun.misc.Unsafe;

class SpscRingTest {

  @Test
  void theProducersAndTheConsumersIndicesEachHaveAPairOfCacheLinesOfPaddingAround() throws Exception {
    Unsafe unsafe = unsafe();
    long head = offset(unsafe, "head");
    long cachedTail = offset(unsafe, "cachedTail");
    long tail = offset(unsafe, "tail");
    long cachedHead = offset(unsafe, "cachedHead");
    long end = Arrays.stream(SpscRing.class.getDeclaredFields())
        .filter(field -> !Modifier.isStatic(field.getModifiers()))
        .mapToLong(field -> unsafe.objectFieldOffset(field) + 8)
        .max().orElseThrow();
    long consumerStart = Math.min(head, cachedTail);
    long consumerEnd = Math.max(head, cachedTail) + Long.BYTES;
    long producerStart = Math.min(tail, cachedHead);
    long producerEnd = Math.max(tail, cachedHead) + Long.BYTES;
    assertThat(consumerStart).isGreaterThanOrEqualTo(128);
    assertThat(producerStart - consumerEnd).isGreaterThanOrEqualTo(128);
    assertThat(end - producerEnd).isGreaterThanOrEqualTo(128);
  }

  @Test
  void itIsABoundedFirstInFirstOutQueue() {
    qt().withExamples(300)
        .forAll(SourceDSL.integers().between(1, 9),
            SourceDSL.lists().of(SourceDSL.integers().between(-1, 1000)).ofSizeBetween(0, 60))
        .checkAssert((capacity, steps) -> {
          SpscRing<Integer> ring = new SpscRing<>(capacity);
          Deque<Integer> model = new ArrayDeque<>();
          for (int step : steps) {
            if (step < 0) { // a poll
              assertThat(ring.poll()).isEqualTo(model.pollFirst());
            } else {
              boolean room = model.size() < capacity;
              assertThat(ring.hasCapacity()).isEqualTo(room);
              assertThat(ring.offer(step)).isEqualTo(room);
              if (room) {
                model.addLast(step);
              }
            }
          }
        });
  }

  private static long offset(Unsafe unsafe, String name) throws NoSuchFieldException {
    return unsafe.objectFieldOffset(SpscRing.class.getDeclaredField(name));
  }

  private static Unsafe unsafe() throws ReflectiveOperationException {
    Field field = Unsafe.class.getDeclaredField("theUnsafe");
    field.setAccessible(true);
    return (Unsafe) field.get(null);
  }
}
