package io.spate.api.operators;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.checkpoint.CheckpointedFunction;
import io.spate.api.checkpoint.ListCheckpointed;
import io.spate.api.common.ExecutionConfig;
import io.spate.api.configuration.Configuration;
import io.spate.api.functions.Function;
import io.spate.api.functions.OpenContext;
import io.spate.api.functions.RichFunction;
import io.spate.api.state.CheckpointListener;
import io.spate.api.typeinfo.TypeInformation;
import java.util.Objects;

/**
 * The base of operators around one user function: gives a {@link RichFunction} its runtime context
 * and opens and closes it, and lets a {@link CheckpointedFunction} or {@link CheckpointListener}
 * take part in checkpoints.
 *
 * @param <OUT> the output type
 * @param <F> the function type
 */
@PublicEvolving
public abstract class AbstractUdfStreamOperator<OUT, F extends Function> extends AbstractStreamOperator<OUT>
    implements OutputTypeConfigurable<OUT> {

  private static final long serialVersionUID = 1L;

  /** The user function. */
  protected final F userFunction;
  // The state of a user function that checkpoints through ListCheckpointed, once initialized.
  private transient ListCheckpointedState listCheckpointed;

  /** Creates the operator around {@code userFunction}. */
  public AbstractUdfStreamOperator(F userFunction) {
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
      rich.setRuntimeContext(getRuntimeContext());
    }
  }

  /** Lets a {@link CheckpointedFunction} register and restore its state. */
  @Override
  public void initializeState(StateInitializationContext context) throws Exception {
    super.initializeState(context);
    if (userFunction instanceof CheckpointedFunction checkpointed) {
      checkpointed.initializeState(context);
    } else if (userFunction instanceof ListCheckpointed<?> listed) {
      listCheckpointed = ListCheckpointedState.initialize(listed, context.getOperatorStateStore(), context.isRestored());
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
    } else if (listCheckpointed != null) {
      listCheckpointed.snapshot(context.getCheckpointId(), context.getCheckpointTimestamp());
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

  // Flink's shape of the operator.

  /**
   * Hands the output type to the user function if it asks for it (an {@link OutputTypeConfigurable}),
   * as the graph does when the operator is added to a stream.
   */
  @Override
  @SuppressWarnings("unchecked")
  public void setOutputType(TypeInformation<OUT> outTypeInfo, ExecutionConfig executionConfig) {
    if (userFunction instanceof OutputTypeConfigurable<?> configurable) {
      ((OutputTypeConfigurable<OUT>) configurable).setOutputType(outTypeInfo, executionConfig);
    }
  }

  /**
   * An empty configuration, as in Flink since functions are no longer opened with one: a function's
   * settings are its own fields, or the job parameters of {@link ExecutionConfig}.
   */
  public Configuration getUserFunctionParameters() {
    return new Configuration();
  }
}
