package io.spate.runtime.state.operator;

import io.spate.api.serialization.TypeSerializer;
import io.spate.api.serialization.TypeSerializerSchemaCompatibility;
import io.spate.api.serialization.TypeSerializerSnapshot;
import io.spate.api.state.BroadcastState;
import io.spate.api.state.ListState;
import io.spate.api.state.ListStateDescriptor;
import io.spate.api.state.MapStateDescriptor;
import io.spate.runtime.state.OperatorStateBackend;
import io.spate.runtime.state.broadcast.HeapBroadcastState;
import io.spate.runtime.state.operator.OperatorStateFormat.RestoredState;
import io.spate.runtime.state.operator.OperatorStateFormat.StateToWrite;
import io.spate.runtime.state.snapshot.AsyncSnapshot;
import io.spate.runtime.state.snapshot.CheckpointStateOutputStream;
import io.spate.runtime.state.snapshot.CheckpointStreamFactory;
import io.spate.runtime.state.snapshot.OperatorStateHandle;
import io.spate.runtime.state.snapshot.OperatorStateHandle.Mode;
import java.io.IOException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Operator state on the heap: split-distributed and union lists and broadcast maps, restored from
 * the handles the instance was assigned and written by snapshots into one stream.
 *
 * <p>A restored state is read at once with the serializer it was written with; registering it checks
 * that the new serializer is compatible, and a restored state that the operator never registers again
 * is carried into the next snapshot unchanged.
 */
public final class DefaultOperatorStateBackend implements OperatorStateBackend {

  private final String owner;
  private final Map<String, OperatorListState<?>> listStates = new LinkedHashMap<>();
  private final Map<String, RegisteredBroadcastState<?, ?>> broadcastStates = new LinkedHashMap<>();
  private final Map<String, Restored> restored = new LinkedHashMap<>();

  /** A broadcast map with the serializers its snapshots write it with. */
  private record RegisteredBroadcastState<K, V>(
      HeapBroadcastState<K, V> state, TypeSerializer<K> keySerializer, TypeSerializer<V> valueSerializer) {}

  /** A restored state, merged over the handles that held it. */
  private record Restored(String name, Mode mode, List<TypeSerializerSnapshot<?>> snapshots, List<Object> items) {}

  /** Creates the backend of {@code owner} (names it in errors), restoring {@code restoreState}. */
  public DefaultOperatorStateBackend(String owner, ClassLoader userClassLoader, List<OperatorStateHandle> restoreState) {
    this.owner = owner;
    for (OperatorStateHandle handle : restoreState) {
      if (handle == null) {
        continue;
      }
      List<RestoredState> states;
      try {
        states = OperatorStateFormat.read(handle, userClassLoader, owner);
      } catch (IOException e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
      for (RestoredState state : states) {
        Restored previous = restored.get(state.name());
        if (previous == null) {
          restored.put(state.name(), new Restored(state.name(), state.mode(), state.snapshots(),
              new ArrayList<>(state.items())));
        } else if (previous.mode() != state.mode()) {
          throw new IllegalStateException("Cannot restore operator state '" + state.name() + "' of " + owner
              + ": the checkpoint holds it both as " + previous.mode() + " and as " + state.mode());
        } else if (state.mode() != Mode.BROADCAST) {
          previous.items().addAll(state.items());
        }
        // Every instance held the same broadcast map: one copy is the state.
      }
    }
  }

  @Override
  public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
    return listState(descriptor, Mode.SPLIT_DISTRIBUTE);
  }

  @Override
  public <T> ListState<T> getUnionListState(ListStateDescriptor<T> descriptor) {
    return listState(descriptor, Mode.UNION);
  }

  @SuppressWarnings("unchecked")
  private <T> ListState<T> listState(ListStateDescriptor<T> descriptor, Mode mode) {
    if (descriptor == null) {
      throw new NullPointerException("The list state descriptor must not be null.");
    }
    String name = descriptor.getName();
    OperatorListState<?> existing = listStates.get(name);
    if (existing != null) {
      if (existing.mode() != mode) {
        throw new IllegalStateException("Operator state '" + name + "' of " + owner + " is registered as "
            + describe(existing.mode()) + " and cannot also be used as " + describe(mode) + ".");
      }
      return (ListState<T>) existing;
    }
    checkNameFree(name, broadcastStates.containsKey(name), describe(mode));
    TypeSerializer<T> serializer = descriptor.isSerializerInitialized()
        ? descriptor.getSerializer() : descriptor.getTypeInformation().createSerializer();
    OperatorListState<T> state = new OperatorListState<>(name, mode, serializer);
    Restored previous = restored.remove(name);
    if (previous != null) {
      if (previous.mode() != mode) {
        restored.put(name, previous);
        throw new IllegalStateException("Operator state '" + name + "' of " + owner + " was checkpointed as "
            + describe(previous.mode()) + " and cannot be restored as " + describe(mode) + ".");
      }
      checkCompatible(name, "element", (TypeSerializerSnapshot<T>) previous.snapshots().get(0), serializer);
      state.restore((List<T>) previous.items());
    }
    listStates.put(name, state);
    return state;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor) {
    if (descriptor == null) {
      throw new NullPointerException("The broadcast state descriptor must not be null.");
    }
    String name = descriptor.getName();
    RegisteredBroadcastState<?, ?> existing = broadcastStates.get(name);
    if (existing != null) {
      return (BroadcastState<K, V>) existing.state();
    }
    checkNameFree(name, listStates.containsKey(name), describe(Mode.BROADCAST));
    TypeSerializer<K> keySerializer = descriptor.isSerializerInitialized()
        ? descriptor.getKeySerializer() : descriptor.getKeyTypeInformation().createSerializer();
    TypeSerializer<V> valueSerializer = descriptor.isSerializerInitialized()
        ? descriptor.getValueSerializer() : descriptor.getValueTypeInformation().createSerializer();
    HeapBroadcastState<K, V> state = new HeapBroadcastState<>(descriptor);
    Restored previous = restored.remove(name);
    if (previous != null) {
      if (previous.mode() != Mode.BROADCAST) {
        restored.put(name, previous);
        throw new IllegalStateException("Operator state '" + name + "' of " + owner + " was checkpointed as "
            + describe(previous.mode()) + " and cannot be restored as " + describe(Mode.BROADCAST) + ".");
      }
      checkCompatible(name, "key", (TypeSerializerSnapshot<K>) previous.snapshots().get(0), keySerializer);
      checkCompatible(name, "value", (TypeSerializerSnapshot<V>) previous.snapshots().get(1), valueSerializer);
      for (Object item : previous.items()) {
        Map.Entry<K, V> entry = (Map.Entry<K, V>) item;
        state.put(entry.getKey(), entry.getValue());
      }
    }
    broadcastStates.put(name, new RegisteredBroadcastState<>(state, keySerializer, valueSerializer));
    return state;
  }

  private void checkNameFree(String name, boolean takenByOtherKind, String wanted) {
    if (takenByOtherKind) {
      throw new IllegalStateException("Operator state '" + name + "' of " + owner + " cannot be registered as "
          + wanted + ": the name is taken by a state of another kind.");
    }
  }

  // The restored elements were read with the serializer that wrote them, which is what a migration
  // needs; only an incompatible serializer stops the restore.
  private <T> void checkCompatible(String name, String part, TypeSerializerSnapshot<T> snapshot,
      TypeSerializer<T> serializer) {
    TypeSerializerSchemaCompatibility<T> compatibility = snapshot.resolveSchemaCompatibility(serializer);
    if (compatibility.isIncompatible()) {
      throw new IllegalStateException("Operator state '" + name + "' of " + owner + " cannot be restored: the new "
          + part + " serializer " + serializer.getClass().getName() + " cannot read the checkpointed state ("
          + compatibility.message() + ").");
    }
  }

  private static String describe(Mode mode) {
    return switch (mode) {
      case SPLIT_DISTRIBUTE -> "a list state";
      case UNION -> "a union list state";
      case BROADCAST -> "a broadcast state";
    };
  }

  @Override
  public Set<String> getRegisteredStateNames() {
    return Collections.unmodifiableSet(new LinkedHashSet<>(listStates.keySet()));
  }

  @Override
  public Set<String> getRegisteredBroadcastStateNames() {
    return Collections.unmodifiableSet(new LinkedHashSet<>(broadcastStates.keySet()));
  }

  @Override
  public AsyncSnapshot<OperatorStateHandle> snapshot(long checkpointId, CheckpointStreamFactory streams) {
    List<StateToWrite> states = new ArrayList<>(listStates.size() + broadcastStates.size() + restored.size());
    for (OperatorListState<?> state : listStates.values()) {
      TypeSerializer<?> serializer = state.serializer().duplicate();
      states.add(new StateToWrite(state.name(), state.mode(), List.of(serializer.snapshotConfiguration()),
          List.of(serializer), state.snapshotElements()));
    }
    for (RegisteredBroadcastState<?, ?> registered : broadcastStates.values()) {
      states.add(broadcastToWrite(registered));
    }
    for (Restored carried : restored.values()) {
      List<TypeSerializer<?>> serializers = new ArrayList<>(2);
      for (TypeSerializerSnapshot<?> snapshot : carried.snapshots()) {
        serializers.add(snapshot.restoreSerializer());
      }
      // Never handed to the operator, so never changed: the restored objects can be shared.
      states.add(new StateToWrite(carried.name(), carried.mode(), carried.snapshots(), serializers,
          List.copyOf(carried.items())));
    }
    if (states.isEmpty()) {
      return AsyncSnapshot.empty();
    }
    return () -> {
      CheckpointStateOutputStream out = streams.createCheckpointStateOutputStream("operator-state");
      try {
        return OperatorStateFormat.write(states, out);
      } catch (IOException | RuntimeException e) {
        out.close();
        throw new IOException("Cannot write the operator state of " + owner + " for checkpoint " + checkpointId
            + ": " + e.getMessage(), e);
      }
    };
  }

  private static <K, V> StateToWrite broadcastToWrite(RegisteredBroadcastState<K, V> registered) {
    TypeSerializer<K> keys = registered.keySerializer().duplicate();
    TypeSerializer<V> values = registered.valueSerializer().duplicate();
    boolean shareKeys = keys.isImmutableType();
    boolean shareValues = values.isImmutableType();
    List<Map.Entry<K, V>> entries = new ArrayList<>(registered.state().contents().size());
    for (Map.Entry<K, V> e : registered.state().contents().entrySet()) {
      K key = e.getKey();
      V value = e.getValue();
      entries.add(new AbstractMap.SimpleImmutableEntry<>(shareKeys ? key : keys.copy(key),
          shareValues || value == null ? value : values.copy(value)));
    }
    return new StateToWrite(registered.state().getDescriptor().getName(), Mode.BROADCAST,
        List.of(keys.snapshotConfiguration(), values.snapshotConfiguration()), List.of(keys, values), entries);
  }

  @Override
  public void dispose() {
    listStates.clear();
    broadcastStates.clear();
    restored.clear();
  }

  @Override
  public String toString() {
    return "DefaultOperatorStateBackend(" + owner + ", lists " + listStates.keySet() + ", broadcast "
        + broadcastStates.keySet() + ")";
  }
}
