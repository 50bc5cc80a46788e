package io.spate.api.functions;

/** A {@link FlatMapFunction} with a life cycle and a {@link RuntimeContext}. */
public abstract class RichFlatMapFunction<IN, OUT> extends AbstractRichFunction implements FlatMapFunction<IN, OUT> {
  private static final long serialVersionUID = 1L;
}
