package io.spate.api.functions;

/** A {@link ReduceFunction} with a life cycle and a {@link RuntimeContext}. */
public abstract class RichReduceFunction<T> extends AbstractRichFunction implements ReduceFunction<T> {
  private static final long serialVersionUID = 1L;
}
