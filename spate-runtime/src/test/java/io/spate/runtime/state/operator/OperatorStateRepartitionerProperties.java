package io.spate.runtime.state.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;

import io.spate.runtime.ShrinkingLists;
import io.spate.runtime.state.snapshot.ByteStreamStateHandle;
import io.spate.runtime.state.snapshot.OperatorStateHandle;
import io.spate.runtime.state.snapshot.OperatorStateHandle.Mode;
import io.spate.runtime.state.snapshot.OperatorStateHandle.StateMetaInfo;
import io.spate.runtime.state.snapshot.StreamStateHandle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Laws of redistributing operator state: what each new instance gets, per mode. */
class OperatorStateRepartitionerProperties {

  /** One element of the old state: which old instance's stream, at which offset. */
  record Element(StreamStateHandle stream, long offset) {}

  /**
   * Old instances (null: no operator state), each with a split state "split" and a union state
   * "union" of random sizes, and a broadcast state "bc" of the same size on every holder.
   */
  private static Gen<List<OperatorStateHandle>> previous() {
    Gen<OperatorStateHandle> handle = integers().between(0, 12)
        .zip(integers().between(0, 5), booleans().all(),
            (split, union, broadcast) -> handle(split, union, broadcast ? 3 : -1));
    return ShrinkingLists.of(handle.toOptionals(15).map(h -> h.orElse(null)), 1, 7);
  }

  private static Gen<Integer> newParallelisms() {
    return integers().between(1, 9);
  }

  private static int nextStream;

  private static OperatorStateHandle handle(int split, int union, int broadcast) {
    Map<String, StateMetaInfo> states = new LinkedHashMap<>();
    // Offsets as a writer lays them out: increasing, the states one after another.
    long offset = 16;
    offset = put(states, "split", Mode.SPLIT_DISTRIBUTE, split, offset);
    offset = put(states, "union", Mode.UNION, union, offset);
    if (broadcast >= 0) {
      put(states, "bc", Mode.BROADCAST, broadcast, offset);
    }
    return new OperatorStateHandle(states, new ByteStreamStateHandle("stream-" + nextStream++, new byte[0]));
  }

  private static long put(Map<String, StateMetaInfo> states, String name, Mode mode, int count, long offset) {
    long[] offsets = new long[count];
    for (int i = 0; i < count; i++) {
      offsets[i] = offset;
      offset += 1 + i % 3;
    }
    states.put(name, new StateMetaInfo(mode, offsets));
    return offset;
  }

  private static List<Element> elementsOf(List<OperatorStateHandle> handles, String state) {
    List<Element> elements = new ArrayList<>();
    for (OperatorStateHandle handle : handles) {
      if (handle == null) {
        continue;
      }
      StateMetaInfo meta = handle.states().get(state);
      if (meta != null) {
        for (long offset : meta.offsets()) {
          elements.add(new Element(handle.delegate(), offset));
        }
      }
    }
    return elements;
  }

  @Test
  void splitDistributeKeepsEveryElementOnceInOrder() {
    qt().forAll(previous(), newParallelisms())
        .checkAssert(OperatorStateRepartitionerProperties::splitDistributeKeepsEveryElementOnceInOrder);
  }

  private static void splitDistributeKeepsEveryElementOnceInOrder(List<OperatorStateHandle> previous,
      int newParallelism) {
    List<List<OperatorStateHandle>> assignment = OperatorStateRepartitioner.repartition(previous, newParallelism);
    assertThat(assignment).hasSize(newParallelism);
    List<Element> concatenated = new ArrayList<>();
    for (List<OperatorStateHandle> handles : assignment) {
      concatenated.addAll(elementsOf(handles, "split"));
    }
    // Contiguous shares: the new instances' lists, one after another, are the old concatenation.
    assertThat(concatenated).containsExactlyElementsOf(elementsOf(previous, "split"));
  }

  @Test
  void splitSharesDifferByAtMostOneWhenTheParallelismChanges() {
    qt().forAll(previous(), newParallelisms())
        .checkAssert(OperatorStateRepartitionerProperties::splitSharesDifferByAtMostOneWhenTheParallelismChanges);
  }

  private static void splitSharesDifferByAtMostOneWhenTheParallelismChanges(List<OperatorStateHandle> previous,
      int newParallelism) {
    if (newParallelism == previous.size()) {
      return;
    }
    List<List<OperatorStateHandle>> assignment = OperatorStateRepartitioner.repartition(previous, newParallelism);
    int min = Integer.MAX_VALUE;
    int max = 0;
    for (List<OperatorStateHandle> handles : assignment) {
      int size = elementsOf(handles, "split").size();
      min = Math.min(min, size);
      max = Math.max(max, size);
    }
    assertThat(max - min).isLessThanOrEqualTo(1);
  }

  @Test
  void anUnchangedParallelismKeepsEachInstancesOwnSplitElements() {
    qt().forAll(previous())
        .checkAssert(OperatorStateRepartitionerProperties::anUnchangedParallelismKeepsEachInstancesOwnSplitElements);
  }

  private static void anUnchangedParallelismKeepsEachInstancesOwnSplitElements(List<OperatorStateHandle> previous) {
    List<List<OperatorStateHandle>> assignment = OperatorStateRepartitioner.repartition(previous, previous.size());
    for (int i = 0; i < previous.size(); i++) {
      assertThat(elementsOf(assignment.get(i), "split"))
          .containsExactlyElementsOf(elementsOf(java.util.Collections.singletonList(previous.get(i)), "split"));
    }
  }

  @Test
  void unionGivesEveryElementToEveryInstance() {
    qt().forAll(previous(), newParallelisms())
        .checkAssert(OperatorStateRepartitionerProperties::unionGivesEveryElementToEveryInstance);
  }

  private static void unionGivesEveryElementToEveryInstance(List<OperatorStateHandle> previous, int newParallelism) {
    List<Element> all = elementsOf(previous, "union");
    for (List<OperatorStateHandle> handles : OperatorStateRepartitioner.repartition(previous, newParallelism)) {
      assertThat(elementsOf(handles, "union")).containsExactlyElementsOf(all);
    }
  }

  @Test
  void broadcastGivesEachInstanceOneWholeCopy() {
    qt().forAll(previous(), newParallelisms())
        .checkAssert(OperatorStateRepartitionerProperties::broadcastGivesEachInstanceOneWholeCopy);
  }

  private static void broadcastGivesEachInstanceOneWholeCopy(List<OperatorStateHandle> previous, int newParallelism) {
    List<OperatorStateHandle> holders = new ArrayList<>();
    for (OperatorStateHandle handle : previous) {
      if (handle != null && handle.states().containsKey("bc")) {
        holders.add(handle);
      }
    }
    List<List<OperatorStateHandle>> assignment = OperatorStateRepartitioner.repartition(previous, newParallelism);
    for (int i = 0; i < newParallelism; i++) {
      List<Element> got = elementsOf(assignment.get(i), "bc");
      if (holders.isEmpty()) {
        assertThat(got).isEmpty();
      } else {
        assertThat(got).containsExactlyElementsOf(
            elementsOf(List.of(holders.get(i % holders.size())), "bc"));
      }
    }
  }

  @Test
  void newHandlesPointAtTheOldBytes() {
    qt().forAll(previous(), newParallelisms())
        .checkAssert(OperatorStateRepartitionerProperties::newHandlesPointAtTheOldBytes);
  }

  private static void newHandlesPointAtTheOldBytes(List<OperatorStateHandle> previous, int newParallelism) {
    List<StreamStateHandle> oldStreams = new ArrayList<>();
    for (OperatorStateHandle handle : previous) {
      if (handle != null) {
        oldStreams.add(handle.delegate());
      }
    }
    for (List<OperatorStateHandle> handles : OperatorStateRepartitioner.repartition(previous, newParallelism)) {
      for (OperatorStateHandle handle : handles) {
        assertThat(oldStreams).anySatisfy(s -> assertThat(s).isSameAs(handle.delegate()));
      }
    }
  }

  @Test
  void anUnchangedParallelismWithoutUnionStateReturnsTheOldHandles() {
    OperatorStateHandle a = handle(3, 0, 2);
    OperatorStateHandle b = handle(5, 0, 2);
    a.states().remove("union");
    b.states().remove("union");
    List<List<OperatorStateHandle>> assignment = OperatorStateRepartitioner.repartition(List.of(a, b), 2);
    assertThat(assignment.get(0)).containsExactly(a);
    assertThat(assignment.get(1)).containsExactly(b);
  }

  @Test
  void threeElementsOverTwoInstancesSplitTwoAndOne() {
    List<List<OperatorStateHandle>> assignment =
        OperatorStateRepartitioner.repartition(List.of(handle(3, 0, -1)), 2);
    assertThat(elementsOf(assignment.get(0), "split")).hasSize(1);
    assertThat(elementsOf(assignment.get(1), "split")).hasSize(2);
  }

  @Test
  void aStateWithTwoModesIsRejected() {
    OperatorStateHandle a = handle(1, 0, -1);
    Map<String, StateMetaInfo> states = new LinkedHashMap<>();
    states.put("split", new StateMetaInfo(Mode.UNION, new long[] {16}));
    OperatorStateHandle b = new OperatorStateHandle(states, new ByteStreamStateHandle("b", new byte[0]));
    assertThatThrownBy(() -> OperatorStateRepartitioner.repartition(List.of(a, b), 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'split'")
        .hasMessageContaining("instance 1");
  }
}
