package io.spate.runtime.state.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.spate.runtime.ShrinkingLists;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * One state map against a plain map as its model, with enough keys that it grows its buckets and
 * reuses the ids of removed entries while snapshots run: random puts, in-place changes of values
 * got from it, removes, deletes and reads, with snapshots started and ended at random points,
 * several at once. Each snapshot must hold exactly the model's contents at its start, whatever the
 * live map and the callers did since; the live map must hold the model's current contents.
 */
class CopyOnWriteStateMapPropertiesTest {

  /** A value the caller changes in place. */
  static final class Box {
    int value;

    Box(int value) {
      this.value = value;
    }
  }

  record Op(int kind, int key, int namespace, int amount) {}

  record Key(int key, int namespace) {}

  private record Running(int version, CopyOnWriteStateMap.Entry<Integer, Integer, Box>[] frozen,
      Map<Key, Integer> expected) {}

  /** Lists of 1 to 1500 operations, their sizes drawn uniformly. */
  private static Gen<List<Op>> ops() {
    Gen<Op> op = integers().between(0, 19).zip(
        Generate.oneOf(integers().between(0, 3), integers().between(0, 299)),
        integers().between(0, 1), integers().between(-5, 5), Op::new);
    return ShrinkingLists.of(op, 1, 1500);
  }

  @Test
  void snapshotsHoldTheirMomentAndTheLiveMapTheModel() {
    qt().withExamples(200).forAll(ops())
        .checkAssert(CopyOnWriteStateMapPropertiesTest::snapshotsHoldTheirMomentAndTheLiveMapTheModel);
  }

  private static void snapshotsHoldTheirMomentAndTheLiveMapTheModel(List<Op> ops) {
    SnapshotVersions versions = new SnapshotVersions();
    CopyOnWriteStateMap<Integer, Integer, Box> map =
        new CopyOnWriteStateMap<>(versions, true, box -> new Box(box.value));
    Map<Key, Integer> model = new HashMap<>();
    Map<Key, Integer> births = new HashMap<>();
    int born = 0;
    List<Running> running = new ArrayList<>();
    for (Op op : ops) {
      Key k = new Key(op.key(), op.namespace());
      Integer key = op.key();
      Integer namespace = op.namespace();
      switch (op.kind()) {
        case 0, 1, 2, 3 -> {
          map.put(key, namespace, new Box(op.amount()));
          if (model.put(k, op.amount()) == null) {
            births.put(k, ++born);
          }
        }
        case 4, 5, 6, 7 -> {
          Box got = map.get(key, namespace);
          assertThat(got == null ? null : got.value).isEqualTo(model.get(k));
          if (got != null) {
            got.value += op.amount();
            model.put(k, got.value);
          }
        }
        case 8, 9 -> {
          Box removed = map.remove(key, namespace);
          assertThat(removed == null ? null : removed.value).isEqualTo(model.remove(k));
          if (removed != null) {
            removed.value = 1_000; // the caller may change what it got; no snapshot may see that
          }
        }
        case 10 -> assertThat(map.delete(key, namespace)).isEqualTo(model.remove(k) != null);
        case 11 -> {
          Box peeked = map.peek(key, namespace);
          assertThat(peeked == null ? null : peeked.value).isEqualTo(model.get(k));
        }
        case 12 -> assertThat(map.birthOf(key, namespace)).isEqualTo(model.containsKey(k) ? births.get(k) : -1);
        case 13, 14 -> {
          CopyOnWriteStateMap.Entry<Integer, Integer, Box>[] frozen = map.frozenEntries();
          running.add(new Running(versions.start(), frozen, new HashMap<>(model)));
        }
        case 15, 16 -> {
          if (!running.isEmpty()) {
            Running done = running.remove(Math.floorMod(op.amount(), running.size()));
            assertThat(contents(done.frozen())).as("a snapshot's contents").isEqualTo(done.expected());
            versions.release(done.version());
          }
        }
        default -> {
          Box got = map.getIfBorn(key, namespace, births.getOrDefault(k, 0));
          assertThat(got == null ? null : got.value).isEqualTo(model.get(k));
        }
      }
      assertThat(map.size()).isEqualTo(model.size());
    }
    for (Running r : running) {
      assertThat(contents(r.frozen())).as("a snapshot's contents").isEqualTo(r.expected());
    }
    Map<Key, Integer> live = new HashMap<>();
    map.forEachLive(e -> assertThat(live.put(new Key(e.key, e.namespace), e.value.value)).isNull());
    assertThat(live).isEqualTo(model);
  }

  private static Map<Key, Integer> contents(CopyOnWriteStateMap.Entry<Integer, Integer, Box>[] frozen) {
    Map<Key, Integer> contents = new HashMap<>();
    CopyOnWriteStateMap.forEach(frozen,
        e -> assertThat(contents.put(new Key(e.key, e.namespace), e.value.value)).as("one entry per key").isNull());
    return contents;
  }
}
