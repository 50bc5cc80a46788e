package io.spate.api.operators;

import io.spate.api.annotation.Internal;
import io.spate.api.checkpoint.ListCheckpointed;
import io.spate.api.serialization.JavaSerializationSerializer;
import io.spate.api.state.ListState;
import io.spate.api.state.ListStateDescriptor;
import io.spate.api.state.OperatorStateStore;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the list of a {@link ListCheckpointed} function in operator list state, so that it is split
 * among the subtasks on a rescale as any {@code ListState} is; the operators that run user functions
 * use it.
 */
@Internal
public final class ListCheckpointedState {

  /** The state's name, as Flink names the default operator state. */
  public static final String NAME = "_default_";

  private final ListCheckpointed<Serializable> function;
  private final ListState<Serializable> state;

  private ListCheckpointedState(ListCheckpointed<Serializable> function, ListState<Serializable> state) {
    this.function = function;
    this.state = state;
  }

  /** Registers the state of {@code function} and, when {@code restored}, gives it back its items. */
  @SuppressWarnings("unchecked")
  public static ListCheckpointedState initialize(ListCheckpointed<?> function, OperatorStateStore store, boolean restored)
      throws Exception {
    ListState<Serializable> state = store.getListState(
        new ListStateDescriptor<>(NAME, new JavaSerializationSerializer<>(Serializable.class)));
    ListCheckpointed<Serializable> typed = (ListCheckpointed<Serializable>) function;
    if (restored) {
      List<Serializable> items = new ArrayList<>();
      for (Serializable item : state.get()) {
        items.add(item);
      }
      typed.restoreState(items);
    }
    return new ListCheckpointedState(typed, state);
  }

  /** Replaces the state with what the function returns for this checkpoint. */
  public void snapshot(long checkpointId, long timestamp) throws Exception {
    List<Serializable> items = function.snapshotState(checkpointId, timestamp);
    state.update(items == null ? List.of() : items);
  }
}
