package io.spate.runtime.state;

import io.spate.api.operators.state.VoidNamespace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;

import io.spate.api.state.ListState;
import io.spate.api.state.ListStateDescriptor;
import io.spate.api.state.MapState;
import io.spate.api.state.MapStateDescriptor;
import io.spate.api.state.StateTtlConfig;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.runtime.CheckedLaw;
import io.spate.runtime.ShrinkingLists;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Random writes, reads, removals and clock advances on TTL value, list and map state: what a backend
 * shows must match a model that keeps each value with its last-access time. A backend's test extends
 * this class and says how to create the backend.
 *
 * <p>Cleanup is only observable when expired values may be returned, so those runs turn background
 * cleanup off; runs that never return expired values use incremental cleanup of random size (which
 * the heap backend does and RocksDB ignores).
 */
public abstract class KeyedStateTtlModelProperties {

  /** A new, empty backend of the kind under test, for keys of {@code Types.INT}, measuring TTL on {@code clock}. */
  protected abstract CheckpointableKeyedStateBackend<Integer> createBackend(LongSupplier clock) throws Exception;

  private static final long TTL = 10;

  interface Action {}

  record SetKey(int key) implements Action {}

  record Advance(int millis) implements Action {}

  record ValueUpdate(int value) implements Action {}

  record ValueRead() implements Action {}

  record ValueClear() implements Action {}

  record ListAdd(int value) implements Action {}

  record ListRead() implements Action {}

  record ListUpdate(List<Integer> values) implements Action {}

  record MapPut(int userKey, int value) implements Action {}

  record MapGet(int userKey) implements Action {}

  record MapContains(int userKey) implements Action {}

  record MapRemove(int userKey) implements Action {}

  record MapIterate(boolean removeOdd) implements Action {}

  record MapIsEmpty() implements Action {}

  private static Gen<Action> actions() {
    Gen<Integer> small = integers().between(0, 3);
    Gen<Integer> values = integers().between(0, 99);
    return Generate.frequency(List.of(
        weighted(3, small.map(SetKey::new)),
        weighted(4, integers().between(0, 7).map(Advance::new)),
        weighted(2, values.map(ValueUpdate::new)),
        weighted(2, Generate.constant(new ValueRead())),
        weighted(1, Generate.constant(new ValueClear())),
        weighted(2, values.map(ListAdd::new)),
        weighted(2, Generate.constant(new ListRead())),
        weighted(1, ShrinkingLists.of(values, 0, 3).map(ListUpdate::new)),
        weighted(3, small.zip(values, MapPut::new)),
        weighted(2, small.map(MapGet::new)),
        weighted(1, small.map(MapContains::new)),
        weighted(1, small.map(MapRemove::new)),
        weighted(1, booleans().all().map(MapIterate::new)),
        weighted(1, Generate.constant(new MapIsEmpty()))));
  }

  private static Pair<Integer, Gen<Action>> weighted(int weight, Gen<? extends Action> actions) {
    return Pair.of(weight, actions.map(action -> (Action) action));
  }

  /** The TTL configuration of one run. */
  record TtlSettings(boolean updateOnRead, boolean returnExpired, int cleanupSize, boolean cleanupForEveryRecord) {}

  private static Gen<TtlSettings> ttlSettings() {
    return booleans().all().zip(booleans().all(), integers().between(1, 4), booleans().all(), TtlSettings::new);
  }

  /** A stored value and the time of its last counted access. */
  private static final class Stamped {
    final int value;
    long lastAccess;

    Stamped(int value, long lastAccess) {
      this.value = value;
      this.lastAccess = lastAccess;
    }
  }

  /** The model: plain maps of stamped values, with the read rules spelled out once. */
  private static final class Model {
    final boolean updateOnRead;
    final boolean returnExpired;
    long now;
    final Map<Integer, Stamped> values = new HashMap<>();
    final Map<Integer, List<Stamped>> lists = new HashMap<>();
    final Map<Integer, Map<Integer, Stamped>> maps = new HashMap<>();

    Model(boolean updateOnRead, boolean returnExpired) {
      this.updateOnRead = updateOnRead;
      this.returnExpired = returnExpired;
    }

    boolean expired(Stamped s) {
      return now - s.lastAccess >= TTL;
    }

    /** A read of {@code s}: whether it is seen; refreshes it or says (by expiry) that it must go. */
    boolean seen(Stamped s) {
      if (expired(s)) {
        return returnExpired;
      }
      if (updateOnRead) {
        s.lastAccess = now;
      }
      return true;
    }
  }

  @Test
  void whatIsVisibleMatchesTheModel() {
    qt().withExamples(400).forAll(ttlSettings(), ShrinkingLists.of(actions(), 0, 150))
        .checkAssert((settings, actions) -> CheckedLaw.check(() -> {
          long[] clock = {0};
          CheckpointableKeyedStateBackend<Integer> backend = createBackend(() -> clock[0]);
          try {
            check(backend, clock, settings.updateOnRead(), settings.returnExpired(), settings.cleanupSize(),
                settings.cleanupForEveryRecord(), actions);
          } finally {
            backend.dispose();
          }
        }));
  }

  private static void check(CheckpointableKeyedStateBackend<Integer> backend, long[] clock, boolean updateOnRead,
      boolean returnExpired, int cleanupSize, boolean cleanupForEveryRecord, List<Action> actions) throws Exception {
    StateTtlConfig.Builder builder = StateTtlConfig.newBuilder(Duration.ofMillis(TTL))
        .setUpdateType(updateOnRead ? StateTtlConfig.UpdateType.OnReadAndWrite : StateTtlConfig.UpdateType.OnCreateAndWrite)
        .setStateVisibility(returnExpired
            ? StateTtlConfig.StateVisibility.ReturnExpiredIfNotCleanedUp : StateTtlConfig.StateVisibility.NeverReturnExpired);
    StateTtlConfig config = returnExpired
        ? builder.disableCleanupInBackground().build()
        : builder.cleanupIncrementally(cleanupSize, cleanupForEveryRecord).build();
    ValueStateDescriptor<Integer> valueDescriptor = new ValueStateDescriptor<>("value", Integer.class);
    valueDescriptor.enableTimeToLive(config);
    ListStateDescriptor<Integer> listDescriptor = new ListStateDescriptor<>("list", Integer.class);
    listDescriptor.enableTimeToLive(config);
    MapStateDescriptor<Integer, Integer> mapDescriptor = new MapStateDescriptor<>("map", Integer.class, Integer.class);
    mapDescriptor.enableTimeToLive(config);
    ValueState<Integer> value = backend.getPartitionedState(VoidNamespace.INSTANCE, valueDescriptor);
    ListState<Integer> list = backend.getPartitionedState(VoidNamespace.INSTANCE, listDescriptor);
    MapState<Integer, Integer> map = backend.getPartitionedState(VoidNamespace.INSTANCE, mapDescriptor);

    Model model = new Model(updateOnRead, returnExpired);
    int key = 0;
    backend.setCurrentKey(key);
    for (Action action : actions) {
      model.now = clock[0];
        if (action instanceof SetKey k) {
          key = k.key();
          backend.setCurrentKey(key);
        }
        if (action instanceof Advance a) {
          clock[0] += a.millis();
        }
        if (action instanceof ValueUpdate u) {
          value.update(u.value());
          model.values.put(key, new Stamped(u.value(), model.now));
        }
        if (action instanceof ValueRead r) {
          Stamped s = model.values.get(key);
          Integer expected = null;
          if (s != null) {
            expected = model.seen(s) ? s.value : null;
            if (model.expired(s)) {
              model.values.remove(key);
            }
          }
          assertThat(value.value()).as("value of key %s at %s", key, model.now).isEqualTo(expected);
        }
        if (action instanceof ValueClear c) {
          value.clear();
          model.values.remove(key);
        }
        if (action instanceof ListAdd a) {
          list.add(a.value());
          model.lists.computeIfAbsent(key, k -> new ArrayList<>()).add(new Stamped(a.value(), model.now));
        }
        if (action instanceof ListUpdate u) {
          list.update(u.values());
          if (u.values().isEmpty()) {
            model.lists.remove(key);
          } else {
            List<Stamped> stamped = new ArrayList<>();
            for (int v : u.values()) {
              stamped.add(new Stamped(v, model.now));
            }
            model.lists.put(key, stamped);
          }
        }
        if (action instanceof ListRead r) {
          List<Integer> expected = new ArrayList<>();
          List<Stamped> stored = model.lists.getOrDefault(key, new ArrayList<>());
          for (Stamped s : stored) {
            if (model.seen(s)) {
              expected.add(s.value);
            }
          }
          stored.removeIf(model::expired);
          if (stored.isEmpty()) {
            model.lists.remove(key);
          }
          List<Integer> actual = new ArrayList<>();
          list.get().forEach(actual::add);
          assertThat(actual).as("list of key %s at %s", key, model.now).isEqualTo(expected);
        }
        if (action instanceof MapPut p) {
          map.put(p.userKey(), p.value());
          model.maps.computeIfAbsent(key, k -> new HashMap<>()).put(p.userKey(), new Stamped(p.value(), model.now));
        }
        if (action instanceof MapGet g) {
          Stamped s = readModelMapEntry(model, key, g.userKey());
          assertThat(map.get(g.userKey())).as("map[%s] of key %s at %s", g.userKey(), key, model.now)
              .isEqualTo(s == null ? null : s.value);
        }
        if (action instanceof MapContains c) {
          Stamped s = readModelMapEntry(model, key, c.userKey());
          assertThat(map.contains(c.userKey())).isEqualTo(s != null);
        }
        if (action instanceof MapRemove r) {
          map.remove(r.userKey());
          Map<Integer, Stamped> entries = model.maps.get(key);
          if (entries != null) {
            entries.remove(r.userKey());
            if (entries.isEmpty()) {
              model.maps.remove(key);
            }
          }
        }
        if (action instanceof MapIterate i) {
          Map<Integer, Integer> expected = new HashMap<>();
          Map<Integer, Stamped> entries = model.maps.getOrDefault(key, new HashMap<>());
          for (Map.Entry<Integer, Stamped> e : entries.entrySet()) {
            if (model.seen(e.getValue())) {
              expected.put(e.getKey(), e.getValue().value);
            }
          }
          entries.values().removeIf(model::expired);
          if (i.removeOdd()) {
            entries.keySet().removeIf(uk -> uk % 2 == 1);
          }
          if (entries.isEmpty()) {
            model.maps.remove(key);
          }
          Map<Integer, Integer> actual = new HashMap<>();
          for (Iterator<Map.Entry<Integer, Integer>> it = map.iterator(); it.hasNext(); ) {
            Map.Entry<Integer, Integer> e = it.next();
            actual.put(e.getKey(), e.getValue());
            if (i.removeOdd() && e.getKey() % 2 == 1) {
              it.remove();
            }
          }
          assertThat(actual).as("map of key %s at %s", key, model.now).isEqualTo(expected);
        }
        if (action instanceof MapIsEmpty e) {
          Map<Integer, Stamped> entries = model.maps.get(key);
          boolean expected = entries == null
              || (!model.returnExpired && entries.values().stream().allMatch(model::expired));
          assertThat(map.isEmpty()).as("map of key %s empty at %s", key, model.now).isEqualTo(expected);
        }
    }
  }

  private static Stamped readModelMapEntry(Model model, int key, int userKey) {
    Map<Integer, Stamped> entries = model.maps.get(key);
    Stamped s = entries == null ? null : entries.get(userKey);
    if (s == null) {
      return null;
    }
    boolean seen = model.seen(s);
    if (model.expired(s)) {
      entries.remove(userKey);
      if (entries.isEmpty()) {
        model.maps.remove(key);
      }
    }
    return seen ? s : null;
  }
}
