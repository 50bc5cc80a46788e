package io.spate.runtime.state.heap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Removing values that a running snapshot still reads: handed out as copies, dropped without one. */
class CopyOnWriteStateMapTest {

  private final AtomicInteger copies = new AtomicInteger();
  private final SnapshotVersions versions = new SnapshotVersions();
  private final CopyOnWriteStateMap<String, String, List<Integer>> map =
      new CopyOnWriteStateMap<>(versions, false, value -> {
        copies.incrementAndGet();
        return new ArrayList<>(value);
      });

  @Test
  void aValueASnapshotHoldsIsCopiedWhenRemovedButNotWhenDeleted() {
    List<Integer> removed = new ArrayList<>(List.of(1, 2));
    List<Integer> deleted = new ArrayList<>(List.of(3));
    map.put("removed", "ns", removed);
    map.put("deleted", "ns", deleted);
    CopyOnWriteStateMap.Entry<String, String, List<Integer>>[] snapshot = map.frozenEntries();
    int version = versions.start();

    List<Integer> handedOut = map.remove("removed", "ns");
    assertThat(map.delete("deleted", "ns")).isTrue();
    assertThat(map.delete("deleted", "ns")).isFalse();

    assertThat(copies).as("copies made").hasValue(1);
    assertThat(handedOut).isEqualTo(List.of(1, 2)).isNotSameAs(removed);
    handedOut.add(99); // the caller may change what it got; the snapshot must not see that
    List<List<Integer>> seen = new ArrayList<>();
    CopyOnWriteStateMap.forEach(snapshot, e -> seen.add(e.value));
    assertThat(seen).containsExactlyInAnyOrder(List.of(1, 2), List.of(3));
    assertThat(map.size()).isZero();
    versions.release(version);
  }

  @Test
  void withoutASnapshotNeitherCopies() {
    map.put("a", "ns", new ArrayList<>(List.of(1)));
    map.put("b", "ns", new ArrayList<>(List.of(2)));
    assertThat(map.remove("a", "ns")).containsExactly(1);
    assertThat(map.delete("b", "ns")).isTrue();
    assertThat(copies).hasValue(0);
  }
}
