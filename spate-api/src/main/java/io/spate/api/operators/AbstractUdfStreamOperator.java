package io.spate.api.operators;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.checkpoint.CheckpointedFunction;
import io.spate.api.checkpoint.FunctionInitializationContext;
import io.spate.api.functions.Function;
import io.spate.api.functions.OpenContext;
import io.spate.api.functions.RichFunction;
import io.spate.api.operators.state.BackendKeyedStateStore;
import io.spate.api.state.CheckpointListener;
import io.spate.api.state.KeyedStateStore;
import io.spate.api.state.OperatorStateStore;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The base of operators around one user function: gives a {@link RichFunction} its runtime context
 * and opens and closes it, and lets a {@link CheckpointedFunction} or {@link CheckpointListener}
 * take part in checkpoints.
 *
 * @param <OUT> the output type
 * @param <F> the function type
 */
@PublicEvolving
public abstract class AbstractUdfStreamOperator<OUT, F extends Function> extends AbstractStreamOperator<OUT> {

  private static final long serialVersionUID = 1L;

  /** The user function. */
  protected final F userFunction;

  /** Creates the operator around {@code userFunction}. */
  protected AbstractUdfStreamOperator(F userFunction) {
    this.userFunction = Objects.requireNonNull(userFunction, "userFunction");
  }

  /** The user function. */
  public F getUserFunction() {
    return userFunction;
  }

  @Override
  public void setup(StreamOperatorParameters<OUT> parameters) {
    super.setup(parameters);
    if (userFunction instanceof RichFunction rich) {
      rich.setRuntimeContext(new StreamingRuntimeContext(parameters,
          getKeyedStateBackend() == null ? null : new BackendKeyedStateStore(getKeyedStateBackend())));
    }
  }

  @Override
  public void initializeState() throws Exception {
    if (userFunction instanceof CheckpointedFunction checkpointed) {
      checkpointed.initializeState(new FunctionInitializationContext() {
        @Override
        public boolean isRestored() {
          return getStateContext().isRestored();
        }

        @Override
        public OptionalLong getRestoredCheckpointId() {
          return getStateContext().getRestoredCheckpointId();
        }

        @Override
        public OperatorStateStore getOperatorStateStore() {
          return getStateContext().getOperatorStateStore();
        }

        @Override
        public KeyedStateStore getKeyedStateStore() {
          if (getKeyedStateBackend() == null) {
            throw new UnsupportedOperationException("Keyed state is only available on keyed streams, and operator '"
                + getName() + "' does not run on one.");
          }
          return new BackendKeyedStateStore(getKeyedStateBackend());
        }
      });
    }
  }

  @Override
  public void open() throws Exception {
    if (userFunction instanceof RichFunction rich) {
      rich.open(new OpenContext() {});
    }
  }

  @Override
  public void snapshotState(StateSnapshotContext context) throws Exception {
    if (userFunction instanceof CheckpointedFunction checkpointed) {
      checkpointed.snapshotState(context);
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

  @Override
  public void close() throws Exception {
    if (userFunction instanceof RichFunction rich) {
      rich.close();
    }
  }
}
