package io.spate.runtime.operators;

import io.spate.api.functions.Function;
import io.spate.api.functions.RichFunction;
import io.spate.runtime.network.StreamElements.WatermarkStatus;

/**
 * The base of operators: keeps the context and output, opens and closes the user function, and
 * forwards watermarks and watermark statuses.
 *
 * @param <OUT> the output type
 */
public abstract class AbstractStreamOperator<OUT> implements StreamOperator<OUT> {

  /** The task-provided context. */
  protected OperatorContext context;

  /** Where records go. */
  protected Output<OUT> output;

  private final Function userFunction;

  /** Creates an operator around {@code userFunction} (may be null). */
  protected AbstractStreamOperator(Function userFunction) {
    this.userFunction = userFunction;
  }

  @Override
  public void setup(OperatorContext context, Output<OUT> output) {
    this.context = context;
    this.output = output;
    if (userFunction instanceof RichFunction rich) {
      rich.setRuntimeContext(new StreamingRuntimeContext(context));
    }
  }

  @Override
  public void open() throws Exception {
    if (userFunction instanceof RichFunction rich) {
      rich.open(new io.spate.api.functions.OpenContext() {});
    }
  }

  @Override
  public void processWatermark(long watermark) throws Exception {
    output.emitWatermark(watermark);
  }

  @Override
  public void processWatermarkStatus(WatermarkStatus status) throws Exception {
    output.emitWatermarkStatus(status);
  }

  @Override
  public void finish() throws Exception {}

  @Override
  public void close() throws Exception {
    if (userFunction instanceof RichFunction rich) {
      rich.close();
    }
  }

  @Override
  public String getName() {
    return context != null ? context.operatorName() : getClass().getSimpleName();
  }
}
