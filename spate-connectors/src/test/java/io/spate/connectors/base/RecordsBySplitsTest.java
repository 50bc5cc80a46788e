package io.spate.connectors.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A batch gives back each split's elements in the order they were added, one by one or as lists. */
class RecordsBySplitsTest {

  /** Reads {@code batch} split by split, as the task thread does. */
  private static Map<String, List<Integer>> read(RecordsBySplits<Integer> batch) {
    Map<String, List<Integer>> bySplit = new LinkedHashMap<>();
    for (String split = batch.nextSplit(); split != null; split = batch.nextSplit()) {
      List<Integer> elements = bySplit.computeIfAbsent(split, id -> new ArrayList<>());
      for (Integer element = batch.nextElementFromSplit(); element != null; element = batch.nextElementFromSplit()) {
        elements.add(element);
      }
    }
    return bySplit;
  }

  /**
   * Any mix of single elements and lists (each step: a split out of three, and a list of up to
   * five elements, added element by element when its first element is even) reads back per split in
   * the order added, with the right size, and leaves the lists handed to {@code addAll} unchanged.
   */
  @Test
  void elementsAddedSinglyOrAsListsReadBackInOrder() {
    qt().forAll(lists().of(lists().of(integers().between(0, 1000)).ofSizeBetween(0, 5)).ofSizeBetween(0, 12))
        .checkAssert(steps -> {
          RecordsBySplits.Builder<Integer> builder = RecordsBySplits.builder();
          Map<String, List<Integer>> expected = new LinkedHashMap<>();
          List<List<Integer>> handedOver = new ArrayList<>();
          int total = 0;
          for (int i = 0; i < steps.size(); i++) {
            List<Integer> step = steps.get(i);
            String split = "s" + (i % 3);
            if (!step.isEmpty() && step.get(0) % 2 == 0) {
              step.forEach(element -> builder.add(split, element));
            } else {
              List<Integer> list = List.copyOf(step);
              handedOver.add(list);
              builder.addAll(split, list);
            }
            if (!step.isEmpty()) {
              expected.computeIfAbsent(split, id -> new ArrayList<>()).addAll(step);
            }
            total += step.size();
          }
          List<List<Integer>> before = handedOver.stream().map(List::copyOf).toList();
          RecordsBySplits<Integer> batch = builder.build();
          assertThat(batch.size()).isEqualTo(total);
          assertThat(read(batch)).isEqualTo(expected);
          assertThat(handedOver).isEqualTo(before);
        });
  }

  @Test
  void aListHandedOverFirstIsKeptAndElementsAfterItFollowIt() {
    List<Integer> polled = new ArrayList<>(List.of(1, 2, 3));
    RecordsBySplits<Integer> batch = RecordsBySplits.<Integer>builder()
        .addAll("a", polled)
        .add("a", 4)
        .addAll("a", List.of(5))
        .build();
    assertThat(read(batch)).isEqualTo(Map.of("a", List.of(1, 2, 3, 4, 5)));
    assertThat(polled).as("the list handed over").containsExactly(1, 2, 3);
  }
}
