package io.spate.runtime;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import org.quicktheories.core.Gen;

/**
 * QuickTheories generators of lists whose failures shrink by dropping any element: QuickTheories'
 * own lists shrink their length only from the end, so a counterexample whose failing element comes
 * late keeps every element before it.
 */
public final class ShrinkingLists {

  /** One drawn element and whether the list keeps it (a kept slot shrinks towards a dropped one). */
  private record Slot<T>(T value, boolean kept) {}

  private ShrinkingLists() {}

  /**
   * Lists of {@code minSize} to {@code maxSize} elements of {@code elements}. Each drawn element
   * carries a keep flag that is false in one draw of a hundred, and that shrinking turns false; a
   * list that would keep fewer than {@code minSize} elements keeps them all.
   */
  public static <T> Gen<List<T>> of(Gen<T> elements, int minSize, int maxSize) {
    Gen<Slot<T>> slots = elements.zip(integers().between(0, 99), (value, keep) -> new Slot<>(value, keep > 0));
    return lists().of(slots).ofSizeBetween(minSize, maxSize).map(drawn -> {
      List<T> kept = new ArrayList<>();
      List<T> all = new ArrayList<>();
      for (Slot<T> slot : drawn) {
        all.add(slot.value());
        if (slot.kept()) {
          kept.add(slot.value());
        }
      }
      return kept.size() >= minSize ? kept : all;
    });
  }
}
