package io.spate.runtime.state.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.runtime.state.snapshot.ByteStreamStateHandle;
import io.spate.runtime.state.snapshot.OperatorStateHandle;
import io.spate.runtime.state.snapshot.OperatorStateHandle.Mode;
import io.spate.runtime.state.snapshot.OperatorStateHandle.StateMetaInfo;
import io.spate.runtime.state.snapshot.StreamStateHandle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Laws of redistributing operator state: what each new instance gets, per mode. */
class OperatorStateRepartitionerProperties {

  /** One element of the old state: which old instance's stream, at which offset. */
  record Element(StreamStateHandle stream, long offset) {}

  /**
   * Old instances (null: no operator state), each with a split state "split" and a union state
   * "union" of random sizes, and a broadcast state "bc" of the same size on every holder.
   */
  @Provide
  Arbitrary<List<OperatorStateHandle>> previous() {
    Arbitrary<OperatorStateHandle> handle = Combinators.combine(
            Arbitraries.integers().between(0, 12), Arbitraries.integers().between(0, 5),
            Arbitraries.of(true, false))
        .as((split, union, broadcast) -> handle(split, union, broadcast ? 3 : -1));
    return handle.injectNull(0.15).list().ofMinSize(1).ofMaxSize(7);
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

  @Property
  void splitDistributeKeepsEveryElementOnceInOrder(@ForAll("previous") List<OperatorStateHandle> previous,
      @ForAll @IntRange(min = 1, max = 9) int newParallelism) {
    List<List<OperatorStateHandle>> assignment = OperatorStateRepartitioner.repartition(previous, newParallelism);
    assertThat(assignment).hasSize(newParallelism);
    List<Element> concatenated = new ArrayList<>();
    for (List<OperatorStateHandle> handles : assignment) {
      concatenated.addAll(elementsOf(handles, "split"));
    }
    // Contiguous shares: the new instances' lists, one after another, are the old concatenation.
    assertThat(concatenated).containsExactlyElementsOf(elementsOf(previous, "split"));
  }

  @Property
  void splitSharesDifferByAtMostOneWhenTheParallelismChanges(
      @ForAll("previous") List<OperatorStateHandle> previous, @ForAll @IntRange(min = 1, max = 9) int newParallelism) {
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

  @Property
  void anUnchangedParallelismKeepsEachInstancesOwnSplitElements(
      @ForAll("previous") List<OperatorStateHandle> previous) {
    List<List<OperatorStateHandle>> assignment = OperatorStateRepartitioner.repartition(previous, previous.size());
    for (int i = 0; i < previous.size(); i++) {
      assertThat(elementsOf(assignment.get(i), "split"))
          .containsExactlyElementsOf(elementsOf(java.util.Collections.singletonList(previous.get(i)), "split"));
    }
  }

  @Property
  void unionGivesEveryElementToEveryInstance(@ForAll("previous") List<OperatorStateHandle> previous,
      @ForAll @IntRange(min = 1, max = 9) int newParallelism) {
    List<Element> all = elementsOf(previous, "union");
    for (List<OperatorStateHandle> handles : OperatorStateRepartitioner.repartition(previous, newParallelism)) {
      assertThat(elementsOf(handles, "union")).containsExactlyElementsOf(all);
    }
  }

  @Property
  void broadcastGivesEachInstanceOneWholeCopy(@ForAll("previous") List<OperatorStateHandle> previous,
      @ForAll @IntRange(min = 1, max = 9) int newParallelism) {
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

  @Property
  void newHandlesPointAtTheOldBytes(@ForAll("previous") List<OperatorStateHandle> previous,
      @ForAll @IntRange(min = 1, max = 9) int newParallelism) {
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

  @Example
  void anUnchangedParallelismWithoutUnionStateReturnsTheOldHandles() {
    OperatorStateHandle a = handle(3, 0, 2);
    OperatorStateHandle b = handle(5, 0, 2);
    a.states().remove("union");
    b.states().remove("union");
    List<List<OperatorStateHandle>> assignment = OperatorStateRepartitioner.repartition(List.of(a, b), 2);
    assertThat(assignment.get(0)).containsExactly(a);
    assertThat(assignment.get(1)).containsExactly(b);
  }

  @Example
  void threeElementsOverTwoInstancesSplitTwoAndOne() {
    List<List<OperatorStateHandle>> assignment =
        OperatorStateRepartitioner.repartition(List.of(handle(3, 0, -1)), 2);
    assertThat(elementsOf(assignment.get(0), "split")).hasSize(1);
    assertThat(elementsOf(assignment.get(1), "split")).hasSize(2);
  }

  @Example
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
