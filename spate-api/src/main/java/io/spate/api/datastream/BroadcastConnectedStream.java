package io.spate.api.datastream;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.common.InvalidProgramException;
import io.spate.api.operators.StreamOperatorFactory;
import io.spate.api.operators.SimpleOperatorFactory;
import io.spate.api.operators.builtin.BroadcastProcessOperator;
import io.spate.api.operators.builtin.KeyedBroadcastProcessOperator;
import io.spate.api.dag.Transformation;
import io.spate.api.dag.TwoInputTransformation;
import io.spate.api.functions.BroadcastProcessFunction;
import io.spate.api.functions.KeyedBroadcastProcessFunction;
import io.spate.api.typeinfo.TypeExtractor;
import io.spate.api.typeinfo.TypeInformation;

/**
 * A stream connected with a {@link BroadcastStream}: the first input is partitioned as it is (keyed
 * or not), the second reaches every parallel instance and writes the broadcast state.
 *
 * @param <IN1> the non-broadcast stream's type
 * @param <IN2> the broadcast stream's type
 */
@PublicEvolving
public final class BroadcastConnectedStream<IN1, IN2> {

  private final StreamExecutionEnvironment environment;
  private final DataStream<IN1> nonBroadcast;
  private final BroadcastStream<IN2> broadcast;

  BroadcastConnectedStream(StreamExecutionEnvironment environment, DataStream<IN1> nonBroadcast,
      BroadcastStream<IN2> broadcast) {
    this.environment = environment;
    this.nonBroadcast = nonBroadcast;
    this.broadcast = broadcast;
  }

  /** The non-broadcast stream. */
  public DataStream<IN1> getFirstInput() {
    return nonBroadcast;
  }

  /** The broadcast stream. */
  public BroadcastStream<IN2> getSecondInput() {
    return broadcast;
  }

  /** Applies {@code function}; the non-broadcast stream must not be keyed. */
  public <OUT> SingleOutputStreamOperator<OUT> process(BroadcastProcessFunction<IN1, IN2, OUT> function) {
    TypeInformation<OUT> out = TypeExtractor.getBinaryReturnType(DataStream.checkFunction(function, "process"),
        BroadcastProcessFunction.class, 0, 1, 2, nonBroadcast.getType(), broadcast.getType(), "Co-Process-Broadcast");
    return process(function, out);
  }

  /** Applies {@code function}, producing records of {@code outputType}; the stream must not be keyed. */
  public <OUT> SingleOutputStreamOperator<OUT> process(
      BroadcastProcessFunction<IN1, IN2, OUT> function, TypeInformation<OUT> outputType) {
    DataStream.checkFunction(function, "process");
    if (nonBroadcast instanceof KeyedStream<?, ?>) {
      throw new InvalidProgramException("A BroadcastProcessFunction cannot process a keyed stream; "
          + "use a KeyedBroadcastProcessFunction, or connect the broadcast stream to a non-keyed stream.");
    }
    return transform("Co-Process-Broadcast", outputType,
        SimpleOperatorFactory.of(new BroadcastProcessOperator<>(function, broadcast.getBroadcastStateDescriptors())));
  }

  /** Applies {@code function} per key; the non-broadcast stream must be keyed. */
  public <KS, OUT> SingleOutputStreamOperator<OUT> process(
      KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> function) {
    TypeInformation<OUT> out = TypeExtractor.getBinaryReturnType(DataStream.checkFunction(function, "process"),
        KeyedBroadcastProcessFunction.class, 1, 2, 3, nonBroadcast.getType(), broadcast.getType(),
        "Co-Process-Broadcast-Keyed");
    return process(function, out);
  }

  /** Applies {@code function} per key, producing records of {@code outputType}; the stream must be keyed. */
  public <KS, OUT> SingleOutputStreamOperator<OUT> process(
      KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> function, TypeInformation<OUT> outputType) {
    DataStream.checkFunction(function, "process");
    if (!(nonBroadcast instanceof KeyedStream<?, ?>)) {
      throw new InvalidProgramException("A KeyedBroadcastProcessFunction needs a keyed stream: call keyBy "
          + "before connecting the broadcast stream, or use a BroadcastProcessFunction.");
    }
    return transform("Co-Process-Broadcast-Keyed", outputType,
        SimpleOperatorFactory.of(
            new KeyedBroadcastProcessOperator<>(function, broadcast.getBroadcastStateDescriptors())));
  }

  private <OUT> SingleOutputStreamOperator<OUT> transform(
      String name, TypeInformation<OUT> outputType, StreamOperatorFactory<OUT> factory) {
    TwoInputTransformation<IN1, IN2, OUT> t = new TwoInputTransformation<>(environment.newId(),
        nonBroadcast.getTransformation(), broadcast.getTransformation(), name, factory, outputType,
        Transformation.DEFAULT_PARALLELISM);
    if (nonBroadcast instanceof KeyedStream<IN1, ?> keyed) {
      t.setStateKeys(keyed.getKeySelector(), null, keyed.getKeyType());
    }
    return new SingleOutputStreamOperator<>(environment, t);
  }

  // ---------------------------------------------------------------- Flink's further members

  /** The environment of both streams. */
  public StreamExecutionEnvironment getExecutionEnvironment() {
    return environment;
  }

  /** The type of the non-broadcast stream's records. */
  public TypeInformation<IN1> getType1() {
    return nonBroadcast.getType();
  }

  /** The type of the broadcast stream's records. */
  public TypeInformation<IN2> getType2() {
    return broadcast.getType();
  }
}
