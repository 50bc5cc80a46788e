package io.spate.runtime.state.operator;

import io.spate.api.state.BroadcastState;
import io.spate.api.state.ListState;
import io.spate.api.state.ListStateDescriptor;
import io.spate.api.state.MapStateDescriptor;
import io.spate.runtime.state.OperatorStateBackend;
import io.spate.runtime.state.snapshot.AsyncSnapshot;
import io.spate.runtime.state.snapshot.CheckpointStreamFactory;
import io.spate.runtime.state.snapshot.OperatorStateHandle;
import java.util.List;
import java.util.Set;

/** Operator state on the heap. SCAFFOLD: being implemented. */
public final class DefaultOperatorStateBackend implements OperatorStateBackend {

  /** Creates the backend of {@code owner}, restoring {@code restoreState}. */
  public DefaultOperatorStateBackend(String owner, ClassLoader userClassLoader, List<OperatorStateHandle> restoreState) {
  }

  @Override
  public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
    throw new UnsupportedOperationException("scaffold");
  }

  @Override
  public <T> ListState<T> getUnionListState(ListStateDescriptor<T> descriptor) {
    throw new UnsupportedOperationException("scaffold");
  }

  @Override
  public <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor) {
    throw new UnsupportedOperationException("scaffold");
  }

  @Override
  public Set<String> getRegisteredStateNames() {
    return Set.of();
  }

  @Override
  public Set<String> getRegisteredBroadcastStateNames() {
    return Set.of();
  }

  @Override
  public AsyncSnapshot<OperatorStateHandle> snapshot(long checkpointId, CheckpointStreamFactory streams) {
    return AsyncSnapshot.empty();
  }
}
