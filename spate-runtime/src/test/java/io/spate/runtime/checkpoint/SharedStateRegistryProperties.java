package io.spate.runtime.checkpoint;

import io.spate.runtime.checkpoint.barrier.CheckpointType;
import io.spate.runtime.checkpoint.metadata.CheckpointMetadata;
import io.spate.runtime.checkpoint.metadata.OperatorState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.spate.runtime.ShrinkingLists;
import io.spate.runtime.state.snapshot.FileStateHandle;
import io.spate.runtime.state.keygroup.KeyGroupRange;
import io.spate.runtime.state.snapshot.ByteStreamStateHandle;
import io.spate.runtime.state.snapshot.IncrementalKeyedStateHandle;
import io.spate.runtime.state.snapshot.KeyGroupsStateHandle;
import io.spate.runtime.state.snapshot.OperatorSubtaskState;
import io.spate.runtime.state.snapshot.StreamStateHandle;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The shared state registry: after any sequence of completed, subsumed and discarded checkpoints, a
 * shared file is deleted exactly when no retained checkpoint references it any more, and never twice.
 */
class SharedStateRegistryProperties {

  private static final Path SHARED = Path.of("/checkpoints/job/shared").toAbsolutePath();

  /** One step: complete a checkpoint that reuses some files and uploads new ones, or drop a retained one. */
  record Step(boolean complete, List<Integer> reuse, int uploads, int drop) {}

  private static Gen<List<Step>> steps() {
    Gen<Step> step = Generate.pick(List.of(true, true, false)).zip(
        ShrinkingLists.of(integers().between(0, 40), 0, 6), integers().between(0, 3),
        integers().between(0, 5), Step::new);
    return ShrinkingLists.of(step, 0, 40);
  }

  @Test
  void aFileIsDeletedExactlyWhenNoRetainedCheckpointReferencesIt() {
    qt().withExamples(300).forAll(steps(), retainedCounts())
        .checkAssert(SharedStateRegistryProperties::aFileIsDeletedExactlyWhenNoRetainedCheckpointReferencesIt);
  }

  private static void aFileIsDeletedExactlyWhenNoRetainedCheckpointReferencesIt(List<Step> steps,
      int retainedCount) {
    SharedStateRegistry registry = new SharedStateRegistry();
    Deque<Long> retained = new ArrayDeque<>();
    Map<Long, Set<String>> filesOf = new HashMap<>();
    Set<String> everRegistered = new HashSet<>();
    List<String> deleted = new ArrayList<>();
    long nextId = 1;
    int nextFile = 0;
    for (Step step : steps) {
      if (step.complete()) {
        long id = nextId++;
        // Reuse only files a retained checkpoint holds, as a backend reuses only confirmed files.
        List<String> alive = new ArrayList<>(new TreeSet<>(referencedBy(retained, filesOf)));
        Set<String> reused = new TreeSet<>();
        for (int pick : step.reuse()) {
          if (!alive.isEmpty()) {
            reused.add(alive.get(pick % alive.size()));
          }
        }
        Set<String> uploaded = new TreeSet<>();
        for (int i = 0; i < step.uploads(); i++) {
          uploaded.add("f" + nextFile++);
        }
        registry.register(id, metadata(id, reused, uploaded), true);
        Set<String> all = new TreeSet<>(reused);
        all.addAll(uploaded);
        filesOf.put(id, all);
        everRegistered.addAll(uploaded);
        retained.addLast(id);
        while (retained.size() > retainedCount) {
          release(registry, retained.pollFirst(), deleted);
        }
      } else if (!retained.isEmpty()) {
        List<Long> ids = new ArrayList<>(retained);
        long victim = ids.get(step.drop() % ids.size());
        retained.remove(victim);
        release(registry, victim, deleted);
      }
      Set<String> referenced = referencedBy(retained, filesOf);
      Set<String> expectedDeleted = new TreeSet<>(everRegistered);
      expectedDeleted.removeAll(referenced);
      assertThat(new TreeSet<>(deleted)).isEqualTo(expectedDeleted);
      assertThat(deleted).doesNotHaveDuplicates();
      assertThat(registry.registeredFiles()).containsExactlyInAnyOrderElementsOf(
          referenced.stream().map(f -> SHARED.resolve(f).toString()).toList());
    }
  }

  private static Gen<Integer> retainedCounts() {
    return integers().between(1, 3);
  }

  private static Set<String> referencedBy(Deque<Long> retained, Map<Long, Set<String>> filesOf) {
    Set<String> referenced = new TreeSet<>();
    retained.forEach(id -> referenced.addAll(filesOf.get(id)));
    return referenced;
  }

  private static void release(SharedStateRegistry registry, long id, List<String> deleted) {
    for (StreamStateHandle handle : registry.unregister(id)) {
      deleted.add(((FileStateHandle) handle).path().getFileName().toString());
    }
  }

  @Test
  void aCheckpointReferencingAFileThatWasAlreadyDeletedIsRefusedAndRegistersNothing() {
    SharedStateRegistry registry = new SharedStateRegistry();
    registry.register(1, metadata(1, Set.of(), Set.of("a", "b")), true);
    registry.register(2, metadata(2, Set.of("b"), Set.of("c")), true);
    assertThat(registry.unregister(1)).extracting(h -> ((FileStateHandle) h).path().getFileName().toString())
        .containsExactly("a");
    // Checkpoint 3 was taken before its task learned that 2 completed: it still references "a".
    assertThatThrownBy(() -> registry.register(3, metadata(3, Set.of("a", "b"), Set.of("d")), true))
        .isInstanceOf(CheckpointException.class)
        .hasMessageContaining("checkpoint 3 references the shared state file " + SHARED.resolve("a"));
    assertThat(registry.isRegistered(3)).isFalse();
    assertThat(registry.referenceCount(SHARED.resolve("b").toString())).isEqualTo(1);
  }

  @Test
  void rebuildingFromRetainedCheckpointsTrustsTheirFilesAndInlineBytesAreNotTracked() {
    CheckpointMetadata second = metadata(2, Set.of("a"), Set.of("b"));
    SharedStateRegistry registry = SharedStateRegistry.rebuild(List.of(new CompletedCheckpoint(second, null, null)));
    assertThat(registry.registeredFiles()).hasSize(2);
    assertThat(registry.unregister(2)).hasSize(2);
    assertThat(SharedStateRegistry.keyOf(new ByteStreamStateHandle("x", new byte[1]))).isNull();
  }

  static CheckpointMetadata metadata(long id, Set<String> reused, Set<String> uploaded) {
    Map<String, StreamStateHandle> shared = new LinkedHashMap<>();
    for (String f : reused) {
      shared.put(f, new FileStateHandle(SHARED.resolve(f), 10));
    }
    for (String f : uploaded) {
      shared.put(f, new FileStateHandle(SHARED.resolve(f), 10));
    }
    IncrementalKeyedStateHandle handle = new IncrementalKeyedStateHandle(UUID.randomUUID(), id, new KeyGroupRange(0, 3),
        shared, uploaded, Map.of("MANIFEST", new ByteStreamStateHandle("m", new byte[] {1})),
        new KeyGroupsStateHandle(new KeyGroupRange(0, 3), new long[4], new ByteStreamStateHandle("meta", new byte[4])));
    OperatorSubtaskState state = new OperatorSubtaskState(List.of(handle), List.of(), List.of());
    return new CheckpointMetadata(id, 0, CheckpointType.CHECKPOINT,
        Map.of("op", new OperatorState("op", "op", 1, 4, Map.of(0, state), null)));
  }
}
