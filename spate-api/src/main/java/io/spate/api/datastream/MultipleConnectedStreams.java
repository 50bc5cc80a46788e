package io.spate.api.datastream;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.common.InvalidProgramException;
import io.spate.api.dag.MultipleInputTransformation;
import io.spate.api.dag.Transformation;
import io.spate.api.operators.MultipleInputStreamOperator;
import io.spate.api.operators.StreamOperatorFactory;
import io.spate.api.typeinfo.TypeInformation;
import java.util.List;

/**
 * Streams of any types that one {@link MultipleInputStreamOperator} reads together. A keyed input
 * (a {@link KeyedStream}) keeps its key selector; the keyed inputs must share one key type.
 */
@PublicEvolving
public final class MultipleConnectedStreams {

  private final StreamExecutionEnvironment environment;
  private final List<DataStream<?>> inputs;

  private MultipleConnectedStreams(StreamExecutionEnvironment environment, List<DataStream<?>> inputs) {
    this.environment = environment;
    this.inputs = inputs;
  }

  /** The streams {@code inputs}, in input order (at least one), all of one environment. */
  public static MultipleConnectedStreams of(DataStream<?>... inputs) {
    if (inputs == null || inputs.length == 0) {
      throw new InvalidProgramException("A multiple-input operator needs at least one input stream.");
    }
    StreamExecutionEnvironment environment = null;
    for (int i = 0; i < inputs.length; i++) {
      if (inputs[i] == null) {
        throw new InvalidProgramException("Input " + i + " of a multiple-input operator is null.");
      }
      if (environment == null) {
        environment = inputs[i].getExecutionEnvironment();
      } else if (inputs[i].getExecutionEnvironment() != environment) {
        throw new InvalidProgramException("Input " + i + " of a multiple-input operator belongs to another"
            + " execution environment than input 0.");
      }
    }
    return new MultipleConnectedStreams(environment, List.of(inputs));
  }

  /**
   * Applies the operator that {@code factory} creates for each parallel instance to these streams,
   * producing records of {@code outputType}. The operator's {@link MultipleInputStreamOperator#getInputs()}
   * must give one input per stream, in this order.
   */
  public <OUT> SingleOutputStreamOperator<OUT> transform(
      String name, TypeInformation<OUT> outputType, StreamOperatorFactory<OUT> factory) {
    OperatorChecks.checkFactory(name, outputType, factory, MultipleInputStreamOperator.class,
        "an operator on multiple connected streams");
    OperatorChecks.handTypes(factory, null, outputType, environment.getConfig());
    MultipleInputTransformation<OUT> t = new MultipleInputTransformation<>(
        environment.newId(), name, factory, outputType, Transformation.DEFAULT_PARALLELISM);
    t.setChainingStrategy(factory.getChainingStrategy());
    for (DataStream<?> input : inputs) {
      if (input instanceof KeyedStream<?, ?> keyed) {
        t.addInput(input.getTransformation(), keyed.getKeySelector(), keyed.getKeyType());
      } else {
        t.addInput(input.getTransformation());
      }
    }
    return new SingleOutputStreamOperator<>(environment, t);
  }

  /** The environment of the streams. */
  public StreamExecutionEnvironment getExecutionEnvironment() {
    return environment;
  }
}
