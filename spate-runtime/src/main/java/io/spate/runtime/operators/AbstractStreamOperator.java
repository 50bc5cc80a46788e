package io.spate.runtime.operators;

import io.spate.api.operators.StreamingRuntimeContext;
import io.spate.api.operators.Output;
import io.spate.api.common.OutputTag;
import io.spate.api.functions.Function;
import io.spate.api.functions.KeySelector;
import io.spate.api.functions.RichFunction;
import io.spate.api.operators.StateSnapshotContext;
import io.spate.api.operators.StreamOperator;
import io.spate.api.operators.StreamOperatorParameters;
import io.spate.api.operators.WatermarkStatus;
import io.spate.api.operators.state.BackendKeyedStateStore;
import io.spate.runtime.state.CheckpointableKeyedStateBackend;
import io.spate.runtime.state.OperatorStateBackend;
import io.spate.api.checkpoint.CheckpointedFunction;
import io.spate.api.checkpoint.FunctionInitializationContext;
import io.spate.api.checkpoint.ListCheckpointed;
import io.spate.api.operators.ListCheckpointedState;
import io.spate.api.state.CheckpointListener;
import io.spate.api.state.KeyedStateStore;
import io.spate.api.state.OperatorStateStore;
import java.util.OptionalLong;

/**
 * The base of the runtime's operators: keeps the context and output, takes the keyed state of keyed
 * operators from the task, opens and closes the user function, and forwards watermarks and
 * watermark statuses.
 *
 * @param <OUT> the output type
 */
public abstract class AbstractStreamOperator<OUT> implements StreamOperator<OUT>, KeyedInput {

  /** The task-provided context. */
  protected OperatorContext context;

  /** Where records go. */
  protected Output<OUT> output;

  /** The keyed state of a keyed operator, else null. */
  protected CheckpointableKeyedStateBackend<Object> keyedStateBackend;

  // The timer services this operator created: each watermark fires their due event-time timers.
  private final java.util.List<InternalTimerServiceImpl> timerServices = new java.util.ArrayList<>(1);

  /** The operator state (lists, union lists, broadcast maps) of this instance. */
  protected OperatorStateBackend operatorStateBackend;

  private final Function userFunction;
  // The state of a user function that checkpoints through ListCheckpointed, once initialized.
  private ListCheckpointedState listCheckpointed;
  private final boolean keyed;
  // The key the task handed over with the record being processed; see KeyedInput.
  private Object incomingKey;

  /** Creates a non-keyed operator around {@code userFunction} (may be null). */
  protected AbstractStreamOperator(Function userFunction) {
    this(userFunction, false);
  }

  /** Creates an operator around {@code userFunction} (may be null) with keyed state if {@code keyed}. */
  protected AbstractStreamOperator(Function userFunction, boolean keyed) {
    this.userFunction = userFunction;
    this.keyed = keyed;
  }

  @Override
  public void setup(StreamOperatorParameters<OUT> parameters) {
    TaskOperatorParameters<OUT> p = TaskOperatorParameters.of(parameters);
    this.context = p.context();
    this.output = p.output();
    if (keyed) {
      keyedStateBackend = p.stateHandler().getKeyedStateBackend();
      if (keyedStateBackend == null) {
        throw new IllegalStateException("Operator '" + context.operatorName() + "' keeps keyed state, but does not"
            + " run on a keyed stream.");
      }
    }
    operatorStateBackend = p.stateHandler().getOperatorStateBackend();
    if (userFunction instanceof RichFunction rich) {
      rich.setRuntimeContext(new StreamingRuntimeContext(
          p, keyed ? new BackendKeyedStateStore(keyedStateBackend) : null));
    }
  }

  @Override
  public final void setIncomingKey(Object key) {
    incomingKey = key;
  }

  /**
   * The key of {@code value}: the one its keyed exchange computed if the task handed it over (see
   * {@link KeyedInput}), else what {@code selector} makes of it.
   */
  protected final <T> Object keyOf(KeySelector<T, ?> selector, T value) throws Exception {
    Object key = incomingKey;
    return key != null ? key : selector.getKey(value);
  }

  /** Makes {@code key} the current key of the keyed state and timers. */
  protected final void setCurrentKey(Object key) {
    keyedStateBackend.setCurrentKey(key);
  }

  /**
   * A new timer service firing into {@code target}; on a keyed stream its timers are part of the
   * keyed state's snapshots under {@code name}, and restored timers of that name are set in it.
   */
  protected final InternalTimerServiceImpl createTimerService(String name, InternalTimerServiceImpl.Target target) {
    InternalTimerServiceImpl timers = keyedStateBackend != null
        ? InternalTimerServiceImpl.create(name, keyedStateBackend, context.processingTimeService(), target)
        : new InternalTimerServiceImpl(context.processingTimeService(), target);
    timerServices.add(timers);
    return timers;
  }

  /** The key of the record or timer being processed. */
  protected final Object getCurrentKey() {
    return keyedStateBackend.getCurrentKey();
  }

  @Override
  public void initializeState() throws Exception {
    if (userFunction instanceof CheckpointedFunction checkpointed) {
      checkpointed.initializeState(new InitializationContext());
    } else if (userFunction instanceof ListCheckpointed<?> listed) {
      listCheckpointed = ListCheckpointedState.initialize(listed, operatorStateBackend,
          context.restoredCheckpointId().isPresent());
    }
  }

  @Override
  public void snapshotState(StateSnapshotContext snapshotContext) throws Exception {
    if (userFunction instanceof CheckpointedFunction checkpointed) {
      checkpointed.snapshotState(snapshotContext);
    } else if (listCheckpointed != null) {
      listCheckpointed.snapshot(snapshotContext.getCheckpointId(), snapshotContext.getCheckpointTimestamp());
    }
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) throws Exception {
    if (userFunction instanceof CheckpointListener listener) {
      listener.notifyCheckpointComplete(checkpointId);
    }
  }

  @Override
  public void notifyCheckpointAborted(long checkpointId) throws Exception {
    if (userFunction instanceof CheckpointListener listener) {
      listener.notifyCheckpointAborted(checkpointId);
    }
  }

  /** What a {@link CheckpointedFunction} gets in {@link #initializeState()}. */
  private final class InitializationContext implements FunctionInitializationContext {
    @Override
    public boolean isRestored() {
      return context.restoredCheckpointId().isPresent();
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
    public KeyedStateStore getKeyedStateStore() {
      if (keyedStateBackend == null) {
        throw new UnsupportedOperationException("Keyed state is only available on keyed streams, and operator '"
            + getName() + "' does not run on one.");
      }
      return new BackendKeyedStateStore(keyedStateBackend);
    }
  }

  @Override
  public void open() throws Exception {
    if (userFunction instanceof RichFunction rich) {
      rich.open(new io.spate.api.functions.OpenContext() {});
    }
  }

  /** Fires the event-time timers the watermark passed, then forwards it. */
  @Override
  public void processWatermark(long watermark) throws Exception {
    for (InternalTimerServiceImpl timers : timerServices) {
      timers.advanceWatermark(watermark);
    }
    output.emitWatermark(watermark);
  }

  @Override
  public void processWatermarkStatus(WatermarkStatus status) throws Exception {
    output.emitWatermarkStatus(status);
  }

  @Override
  public void finish() throws Exception {}

  /** Closes the user function; the task disposes the operator's state afterwards. */
  @Override
  public void close() throws Exception {
    if (userFunction instanceof RichFunction rich) {
      rich.close();
    }
  }

  /** Emits {@code value} to the side output {@code tag}, for the contexts of process functions. */
  protected final <X> void emitSideOutput(OutputTag<X> tag, X value, long timestamp) {
    if (tag == null) {
      throw new IllegalArgumentException("The output tag must not be null.");
    }
    output.collect(tag, value, timestamp);
  }

  @Override
  public String getName() {
    return context != null ? context.operatorName() : getClass().getSimpleName();
  }
}
