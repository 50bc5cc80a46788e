package io.spate.runtime.operators;

import io.spate.api.common.RuntimeExecutionMode;
import io.spate.api.operators.InternalTimerService;
import io.spate.api.operators.StateSnapshotContext;
import io.spate.api.operators.StreamOperator;
import io.spate.api.operators.StreamOperatorStateContext;
import io.spate.api.operators.Triggerable;
import io.spate.api.state.OperatorStateStore;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.runtime.state.CheckpointableKeyedStateBackend;
import io.spate.runtime.state.KeyedStateBackendFactory;
import io.spate.runtime.state.KeyedStateBackendParameters;
import io.spate.runtime.operators.KeyedStateBackends;
import io.spate.runtime.state.OperatorStateBackend;
import io.spate.runtime.state.operator.DefaultOperatorStateBackend;
import io.spate.runtime.state.snapshot.AsyncSnapshot;
import io.spate.runtime.state.snapshot.CheckpointStreamFactory;
import io.spate.runtime.state.snapshot.KeyedStateHandle;
import io.spate.runtime.state.snapshot.OperatorSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The state of one operator instance, owned by the runtime: it creates (and restores) the operator
 * state, the keyed state when the operator runs on a keyed stream (on the operator's first use, so
 * that a keyed node whose operator keeps no keyed state opens no backend), and the operator's timer
 * services;
 * takes their snapshots after the operator's snapshot hook; passes checkpoint notifications on; and
 * disposes them after the operator has closed.
 */
public final class StreamOperatorStateHandler implements StreamOperatorStateContext {

  private final OperatorContext context;
  private final OperatorStateBackend operatorStateBackend;
  private final boolean keyed;
  private CheckpointableKeyedStateBackend<Object> keyedStateBackend;
  // The timer services handed out through the SPI, by name, with the triggerable each fires into.
  private final Map<String, Triggerable<?, ?>> triggerables = new HashMap<>();
  private final Map<String, InternalTimerServiceImpl> timerServicesByName = new HashMap<>();
  private final List<InternalTimerServiceImpl> timerServices = new ArrayList<>(1);
  private boolean disposed;

  /** Creates the state {@code context} describes, with keyed state if it names a key type. */
  public StreamOperatorStateHandler(OperatorContext context) {
    this(context, context.keyType() != null);
  }

  /**
   * Creates the state {@code context} describes, with keyed state if {@code keyed} (test harnesses
   * run keyed operators without a key type).
   */
  public StreamOperatorStateHandler(OperatorContext context, boolean keyed) {
    this.context = context;
    this.keyed = keyed;
    this.operatorStateBackend = new DefaultOperatorStateBackend(ownerName(context), context.userClassLoader(),
        context.restoredState().operatorState());
  }

  @SuppressWarnings("unchecked")
  private static CheckpointableKeyedStateBackend<Object> createKeyedStateBackend(OperatorContext context) {
    KeyedStateBackendFactory factory = KeyedStateBackends.factoryFor(context.configuration(), context.userClassLoader());
    String owner = ownerName(context);
    try {
      return factory.create(new KeyedStateBackendParameters<>((TypeInformation<Object>) context.keyType(),
          context.maxParallelism(), context.keyGroupRange(), context.configuration(), owner,
          // State TTL runs on the task's clock, so that tests with manual processing time control expiry.
          context.processingTimeService()::getCurrentProcessingTime, context.restoredState().keyedState(),
          context.userClassLoader(), context.metricGroup()));
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("Could not create the " + factory.name() + " state backend of " + owner, e);
    }
  }

  private static String ownerName(OperatorContext context) {
    return context.jobId() + "/" + context.operatorName() + " (" + (context.taskInfo().indexOfThisSubtask() + 1)
        + "/" + context.taskInfo().numberOfParallelSubtasks() + ")";
  }

  @Override
  public OptionalLong getRestoredCheckpointId() {
    return context.restoredCheckpointId();
  }

  @Override
  public OperatorStateStore getOperatorStateStore() {
    return operatorStateBackend;
  }

  @Override
  public CheckpointableKeyedStateBackend<Object> getKeyedStateBackend() {
    if (keyedStateBackend == null && keyed) {
      if (disposed) {
        throw new IllegalStateException("The state of operator '" + context.operatorName() + "' is disposed.");
      }
      keyedStateBackend = createKeyedStateBackend(context);
    }
    return keyedStateBackend;
  }

  /** The operator state with its snapshots, for runtime operators. */
  public OperatorStateBackend getOperatorStateBackend() {
    return operatorStateBackend;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <K, N> InternalTimerService<N> getInternalTimerService(String name, Triggerable<K, N> triggerable) {
    CheckpointableKeyedStateBackend<Object> keys = getKeyedStateBackend();
    if (keys == null) {
      throw new IllegalStateException("Operator '" + context.operatorName() + "' asked for timer service '" + name
          + "', but timers are only available to operators on a keyed stream.");
    }
    Triggerable<?, ?> known = triggerables.putIfAbsent(name, triggerable);
    if (known != null && known != triggerable) {
      throw new IllegalStateException("Operator '" + context.operatorName() + "' created timer service '" + name
          + "' twice, with different triggerables.");
    }
    InternalTimerServiceImpl timers = timerServicesByName.get(name);
    if (timers == null) {
      timers = InternalTimerServiceImpl.forTriggerable(name, keys, context.processingTimeService(), triggerable);
      if (context.runtimeMode() == RuntimeExecutionMode.BATCH) {
        timers.setBatchMode();
      }
      timerServicesByName.put(name, timers);
      timerServices.add(timers);
    }
    return (InternalTimerService<N>) (InternalTimerService<?>) timers;
  }

  @Override
  public void advanceWatermark(long watermark) throws Exception {
    for (int i = 0; i < timerServices.size(); i++) {
      timerServices.get(i).advanceWatermark(watermark);
    }
  }

  /**
   * Runs {@code operator}'s snapshot hook for checkpoint {@code checkpointId}, then takes the
   * synchronous part of the snapshot of its state; the returned parts write it asynchronously.
   */
  public OperatorSnapshot snapshot(StreamOperator<?> operator, long checkpointId, long timestamp,
      CheckpointStreamFactory streams) throws Exception {
    operator.snapshotState(StateSnapshotContext.of(checkpointId, timestamp));
    AsyncSnapshot<KeyedStateHandle> keyedPart =
        keyedStateBackend == null ? AsyncSnapshot.empty() : keyedStateBackend.snapshot(checkpointId, streams);
    return new OperatorSnapshot(keyedPart, operatorStateBackend.snapshot(checkpointId, streams));
  }

  /** Tells the state, then {@code operator}, that checkpoint {@code checkpointId} completed. */
  public void notifyCheckpointComplete(StreamOperator<?> operator, long checkpointId) throws Exception {
    if (keyedStateBackend != null) {
      keyedStateBackend.notifyCheckpointComplete(checkpointId);
    }
    operator.notifyCheckpointComplete(checkpointId);
  }

  /** Tells the state, then {@code operator}, that checkpoint {@code checkpointId} was aborted. */
  public void notifyCheckpointAborted(StreamOperator<?> operator, long checkpointId) throws Exception {
    if (keyedStateBackend != null) {
      keyedStateBackend.notifyCheckpointAborted(checkpointId);
    }
    operator.notifyCheckpointAborted(checkpointId);
  }

  /** Releases the state; called once, after the operator closed (or could not be set up). */
  public void dispose() {
    if (disposed) {
      return;
    }
    disposed = true;
    try {
      operatorStateBackend.dispose();
    } finally {
      if (keyedStateBackend != null) {
        keyedStateBackend.dispose();
      }
    }
  }
}
