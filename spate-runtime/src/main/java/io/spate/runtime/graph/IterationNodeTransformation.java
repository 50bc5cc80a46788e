package io.spate.runtime.graph;

import io.spate.api.dag.PhysicalTransformation;
import io.spate.api.dag.Transformation;
import io.spate.api.functions.KeySelector;
import io.spate.api.operators.StreamOperatorFactory;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.runtime.operators.iteration.IterationOperatorFactory;
import java.util.Collections;
import java.util.List;

/**
 * The operator that an iteration's head or tail becomes when the stream graph turns into nodes: it
 * takes the place (id, name, inputs) of the API's transformation and carries the runtime's factory.
 *
 * @param <T> the output type
 */
final class IterationNodeTransformation<T> extends PhysicalTransformation<T> {

  private static final long serialVersionUID = 1L;

  private final List<Transformation<?>> inputs;
  private final IterationOperatorFactory<T> factory;

  IterationNodeTransformation(Transformation<?> replaced, String name, List<Transformation<?>> inputs,
      IterationOperatorFactory<T> factory, TypeInformation<T> outputType, int parallelism) {
    super(replaced.getId(), name, outputType, parallelism);
    this.inputs = List.copyOf(inputs);
    this.factory = factory;
    setChainingStrategy(factory.getChainingStrategy());
    if (replaced.getUid() != null) {
      setUid(replaced.getUid());
    }
    if (replaced.getUidHash() != null) {
      setUidHash(replaced.getUidHash());
    }
  }

  /** The factory of the head or tail operator. */
  IterationOperatorFactory<T> iterationFactory() {
    return factory;
  }

  @Override
  public StreamOperatorFactory<T> getOperatorFactory() {
    return factory;
  }

  @Override
  public List<KeySelector<?, ?>> getStateKeySelectors() {
    return Collections.nCopies(inputs.size(), null);
  }

  @Override
  public TypeInformation<?> getStateKeyType() {
    return null;
  }

  @Override
  public List<Transformation<?>> getInputs() {
    return inputs;
  }
}
