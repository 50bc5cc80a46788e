package io.spate.runtime.state.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.maps;

import io.spate.api.state.BroadcastState;
import io.spate.api.state.ListState;
import io.spate.api.state.ListStateDescriptor;
import io.spate.api.state.MapStateDescriptor;
import io.spate.runtime.ShrinkingLists;
import io.spate.runtime.state.snapshot.ByteStreamStateHandle;
import io.spate.runtime.state.snapshot.MemoryCheckpointStreamFactory;
import io.spate.runtime.state.snapshot.OperatorStateHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.spate.runtime.CheckedLaw;
import io.spate.runtime.StringGens;
import org.junit.jupiter.api.Test;

/** Operator list, union list and broadcast state: semantics, snapshots, restores, bad input. */
class DefaultOperatorStateBackendTest {

  static final ListStateDescriptor<String> WORDS = new ListStateDescriptor<>("words", String.class);
  static final ListStateDescriptor<Long> COUNTS = new ListStateDescriptor<>("counts", Long.class);
  static final ListStateDescriptor<int[]> ARRAYS = new ListStateDescriptor<>("arrays", int[].class);
  static final MapStateDescriptor<String, Integer> RULES =
      new MapStateDescriptor<>("rules", String.class, Integer.class);
  static final MapStateDescriptor<String, int[]> MUTABLE_RULES =
      new MapStateDescriptor<>("mutable-rules", String.class, int[].class);

  static DefaultOperatorStateBackend fresh() {
    return restored(List.of());
  }

  static DefaultOperatorStateBackend restored(List<OperatorStateHandle> handles) {
    return new DefaultOperatorStateBackend("job/op (1/1)", DefaultOperatorStateBackendTest.class.getClassLoader(),
        handles);
  }

  static OperatorStateHandle snapshot(DefaultOperatorStateBackend backend) throws Exception {
    return backend.snapshot(1, new MemoryCheckpointStreamFactory(1 << 20)).write();
  }

  static <T> List<T> list(Iterable<T> iterable) {
    List<T> list = new ArrayList<>();
    iterable.forEach(list::add);
    return list;
  }

  // ------------------------------------------------------------------ ListState semantics

  @Test
  void listStateBehavesLikeAList() throws Exception {
    ListState<String> state = fresh().getListState(WORDS);
    assertThat(state.get()).isEmpty();
    state.add("a");
    state.addAll(List.of("b", "c"));
    assertThat(list(state.get())).containsExactly("a", "b", "c");
    state.update(List.of("x"));
    assertThat(list(state.get())).containsExactly("x");
    state.addAll(List.of());
    state.addAll(null);
    assertThat(list(state.get())).containsExactly("x");
    state.update(null);
    assertThat(state.get()).isEmpty();
    state.add("y");
    state.clear();
    assertThat(state.get()).isEmpty();
  }

  @Test
  void nullElementsAreRejectedAndLeaveTheListAsItWas() throws Exception {
    ListState<String> state = fresh().getListState(WORDS);
    state.add("a");
    assertThatThrownBy(() -> state.add(null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("'words'").hasMessageContaining("null");
    assertThatThrownBy(() -> state.addAll(Arrays.asList("b", null))).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("'words'");
    assertThatThrownBy(() -> state.update(Arrays.asList("c", null))).isInstanceOf(NullPointerException.class);
    assertThat(list(state.get())).containsExactly("a");
  }

  @Test
  void registeringTwiceGivesTheSameStateButNotUnderAnotherMode() throws Exception {
    DefaultOperatorStateBackend backend = fresh();
    ListState<String> state = backend.getListState(WORDS);
    assertThat(backend.getListState(WORDS)).isSameAs(state);
    assertThatThrownBy(() -> backend.getUnionListState(WORDS)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'words'").hasMessageContaining("union");
    assertThatThrownBy(() -> backend.getBroadcastState(new MapStateDescriptor<>("words", String.class, String.class)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("'words'");
    assertThat(backend.getRegisteredStateNames()).containsExactly("words");
  }

  // ------------------------------------------------------------------ round trips

  // Sizes up to 255, jqwik's default for an unconstrained list, map and string.
  @Test
  void listsRoundTrip() {
    qt().forAll(ShrinkingLists.of(StringGens.anyChars(0, 5), 0, 255),
            ShrinkingLists.of(longs().all(), 0, 255))
        .checkAssert((words, counts) -> CheckedLaw.check(() -> listsRoundTrip(words, counts)));
  }

  private static void listsRoundTrip(List<String> words, List<Long> counts) throws Exception {
    DefaultOperatorStateBackend backend = fresh();
    backend.getListState(WORDS).addAll(words);
    backend.getUnionListState(COUNTS).addAll(counts);
    DefaultOperatorStateBackend restored = restored(List.of(snapshot(backend)));
    assertThat(list(restored.getListState(WORDS).get())).containsExactlyElementsOf(words);
    assertThat(list(restored.getUnionListState(COUNTS).get())).containsExactlyElementsOf(counts);
  }

  @Test
  void broadcastMapsRoundTrip() {
    qt().forAll(maps().of(StringGens.anyChars(0, 255), integers().all()).ofSizeBetween(0, 255))
        .checkAssert(rules -> CheckedLaw.check(() -> broadcastMapsRoundTrip(rules)));
  }

  private static void broadcastMapsRoundTrip(Map<String, Integer> rules) throws Exception {
    DefaultOperatorStateBackend backend = fresh();
    backend.getBroadcastState(RULES).putAll(rules);
    DefaultOperatorStateBackend restored = restored(List.of(snapshot(backend)));
    Map<String, Integer> back = new LinkedHashMap<>();
    restored.getBroadcastState(RULES).immutableEntries().forEach(e -> back.put(e.getKey(), e.getValue()));
    assertThat(back).containsExactlyEntriesOf(rules);
  }

  @Test
  void theSnapshotIsTheStateWhenItWasTakenNotWhenItIsWritten() throws Exception {
    DefaultOperatorStateBackend backend = fresh();
    ListState<int[]> arrays = backend.getListState(ARRAYS);
    int[] mutable = {1, 2};
    arrays.add(mutable);
    BroadcastState<String, int[]> rules = backend.getBroadcastState(MUTABLE_RULES);
    rules.put("r", mutable);
    ListState<String> words = backend.getListState(WORDS);
    words.add("before");
    var async = backend.snapshot(7, new MemoryCheckpointStreamFactory(1 << 20));
    mutable[0] = 99;
    words.add("after");
    rules.put("later", new int[] {3});
    DefaultOperatorStateBackend restored = restored(List.of(async.write()));
    assertThat(list(restored.getListState(ARRAYS).get())).singleElement().isEqualTo(new int[] {1, 2});
    assertThat(list(restored.getListState(WORDS).get())).containsExactly("before");
    assertThat(restored.getBroadcastState(MUTABLE_RULES).contains("later")).isFalse();
    assertThat(restored.getBroadcastState(MUTABLE_RULES).get("r")).containsExactly(1, 2);
  }

  @Test
  void restoredStatesThatAreNotRegisteredAgainAreCarriedIntoTheNextSnapshot() throws Exception {
    DefaultOperatorStateBackend backend = fresh();
    backend.getListState(WORDS).addAll(List.of("a", "b"));
    backend.getBroadcastState(RULES).put("r", 1);
    backend.getUnionListState(COUNTS).add(5L);
    DefaultOperatorStateBackend middle = restored(List.of(snapshot(backend)));
    middle.getUnionListState(COUNTS).add(6L);
    DefaultOperatorStateBackend last = restored(List.of(snapshot(middle)));
    assertThat(list(last.getListState(WORDS).get())).containsExactly("a", "b");
    assertThat(last.getBroadcastState(RULES).get("r")).isEqualTo(1);
    assertThat(list(last.getUnionListState(COUNTS).get())).containsExactly(5L, 6L);
  }

  @Test
  void nothingRegisteredWritesNothing() throws Exception {
    assertThat(snapshot(fresh())).isNull();
  }

  @Test
  void restoringSeveralHandlesConcatenatesTheirLists() throws Exception {
    List<OperatorStateHandle> handles = new ArrayList<>();
    for (String word : List.of("a", "b", "c")) {
      DefaultOperatorStateBackend backend = fresh();
      backend.getListState(WORDS).add(word);
      handles.add(snapshot(backend));
    }
    List<List<OperatorStateHandle>> assignment = OperatorStateRepartitioner.repartition(handles, 2);
    assertThat(list(restored(assignment.get(0)).getListState(WORDS).get())).containsExactly("a");
    assertThat(list(restored(assignment.get(1)).getListState(WORDS).get())).containsExactly("b", "c");
    assertThat(list(restored(OperatorStateRepartitioner.repartition(handles, 1).get(0)).getListState(WORDS).get()))
        .containsExactly("a", "b", "c");
  }

  // ------------------------------------------------------------------ serializer compatibility

  @Test
  void anIncompatibleSerializerIsAClearErrorNamingTheState() throws Exception {
    DefaultOperatorStateBackend backend = fresh();
    backend.getListState(COUNTS).add(1L);
    backend.getBroadcastState(RULES).put("r", 1);
    OperatorStateHandle handle = snapshot(backend);
    assertThatThrownBy(() -> restored(List.of(handle)).getListState(new ListStateDescriptor<>("counts", String.class)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'counts'")
        .hasMessageContaining("cannot be restored");
    assertThatThrownBy(() -> restored(List.of(handle))
            .getBroadcastState(new MapStateDescriptor<>("rules", String.class, String.class)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'rules'")
        .hasMessageContaining("value serializer");
  }

  @Test
  void aStateRestoredUnderAnotherModeIsAClearError() throws Exception {
    DefaultOperatorStateBackend backend = fresh();
    backend.getListState(WORDS).add("a");
    OperatorStateHandle handle = snapshot(backend);
    assertThatThrownBy(() -> restored(List.of(handle)).getUnionListState(WORDS))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'words'")
        .hasMessageContaining("checkpointed as a list state");
  }

  // ------------------------------------------------------------------ bad bytes

  static OperatorStateHandle withBytes(OperatorStateHandle handle, byte[] bytes) {
    return new OperatorStateHandle(handle.states(), new ByteStreamStateHandle("damaged", bytes));
  }

  static OperatorStateHandle sample() throws Exception {
    DefaultOperatorStateBackend backend = fresh();
    backend.getListState(WORDS).addAll(List.of("alpha", "beta", "gamma"));
    backend.getBroadcastState(RULES).put("r", 42);
    return snapshot(backend);
  }

  @Test
  void anyFlippedByteIsDetected() {
    qt().withExamples(300).forAll(integers().between(0, 100_000), integers().between(1, 255))
        .checkAssert((position, mask) -> CheckedLaw.check(() -> anyFlippedByteIsDetected(position, mask)));
  }

  private static void anyFlippedByteIsDetected(int position, int mask) throws Exception {
    OperatorStateHandle handle = sample();
    byte[] bytes = ((ByteStreamStateHandle) handle.delegate()).data().clone();
    bytes[position % bytes.length] ^= (byte) mask;
    assertThatThrownBy(() -> restored(List.of(withBytes(handle, bytes))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("damaged")
        .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("Corrupt", "Cannot read", "Truncated"));
  }

  @Test
  void anyTruncationIsDetected() {
    qt().withExamples(200).forAll(integers().between(0, 100_000))
        .checkAssert(cut -> CheckedLaw.check(() -> anyTruncationIsDetected(cut)));
  }

  private static void anyTruncationIsDetected(int cut) throws Exception {
    OperatorStateHandle handle = sample();
    byte[] bytes = ((ByteStreamStateHandle) handle.delegate()).data();
    byte[] truncated = Arrays.copyOf(bytes, cut % bytes.length);
    assertThatThrownBy(() -> restored(List.of(withBytes(handle, truncated))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("damaged")
        .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("Truncated", "Corrupt"));
  }

  @Test
  void aDamagedElementSectionNamesItsState() throws Exception {
    OperatorStateHandle handle = sample();
    byte[] bytes = ((ByteStreamStateHandle) handle.delegate()).data().clone();
    long offset = handle.states().get("words").offsets()[1];
    bytes[(int) offset + 1] ^= 0x10;
    assertThatThrownBy(() -> restored(List.of(withBytes(handle, bytes))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("state 'words'")
        .hasMessageContaining("checksum");
    byte[] cut = Arrays.copyOf(bytes, (int) offset);
    assertThatThrownBy(() -> restored(List.of(withBytes(handle, cut))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Truncated")
        .hasMessageContaining("'words'");
  }
}
