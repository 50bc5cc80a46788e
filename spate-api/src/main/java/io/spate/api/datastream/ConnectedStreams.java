package io.spate.api.datastream;

import io.spate.api.annotation.Public;
import io.spate.api.common.InvalidProgramException;
import io.spate.api.dag.Transformation;
import io.spate.api.dag.TwoInputTransformation;
import io.spate.api.functions.CoFlatMapFunction;
import io.spate.api.functions.CoMapFunction;
import io.spate.api.functions.CoProcessFunction;
import io.spate.api.functions.KeySelector;
import io.spate.api.functions.KeyedCoProcessFunction;
import io.spate.api.operators.SimpleOperatorFactory;
import io.spate.api.operators.StreamOperatorFactory;
import io.spate.api.operators.TwoInputStreamOperator;
import io.spate.api.operators.TwoInputStreamOperatorFactory;
import io.spate.api.operators.builtin.CoFlatMapOperator;
import io.spate.api.operators.builtin.CoMapOperator;
import io.spate.api.operators.builtin.CoProcessOperator;
import io.spate.api.operators.builtin.KeyedCoProcessOperator;
import io.spate.api.typeinfo.TypeExtractor;
import io.spate.api.typeinfo.TypeInformation;

/**
 * Two streams, possibly of different types, that feed one two-input operator.
 *
 * @param <IN1> the first stream's type
 * @param <IN2> the second stream's type
 */
@Public
public class ConnectedStreams<IN1, IN2> {

  private final StreamExecutionEnvironment environment;
  private final DataStream<IN1> first;
  private final DataStream<IN2> second;

  ConnectedStreams(StreamExecutionEnvironment environment, DataStream<IN1> first, DataStream<IN2> second) {
    this.environment = environment;
    this.first = first;
    this.second = second;
  }

  /** The first stream. */
  public DataStream<IN1> getFirstInput() {
    return first;
  }

  /** The second stream. */
  public DataStream<IN2> getSecondInput() {
    return second;
  }

  /** Partitions both streams by key, so that records with equal keys meet in one subtask. */
  public <K> ConnectedStreams<IN1, IN2> keyBy(KeySelector<IN1, K> keySelector1, KeySelector<IN2, K> keySelector2) {
    return new ConnectedStreams<>(environment, first.keyBy(keySelector1), second.keyBy(keySelector2));
  }

  /** Maps the records of both inputs to one output type. */
  public <R> SingleOutputStreamOperator<R> map(CoMapFunction<IN1, IN2, R> mapper) {
    TypeInformation<R> out = TypeExtractor.getBinaryReturnType(DataStream.checkFunction(mapper, "map"),
        CoMapFunction.class, 0, 1, 2, first.getType(), second.getType(), "Co-Map");
    return map(mapper, out);
  }

  /** Maps the records of both inputs to records of {@code outputType}. */
  public <R> SingleOutputStreamOperator<R> map(CoMapFunction<IN1, IN2, R> mapper, TypeInformation<R> outputType) {
    return unkeyed("Co-Map", outputType, new CoMapOperator<>(DataStream.checkFunction(mapper, "map")));
  }

  /** Flat-maps the records of both inputs to one output type. */
  public <R> SingleOutputStreamOperator<R> flatMap(CoFlatMapFunction<IN1, IN2, R> flatMapper) {
    TypeInformation<R> out = TypeExtractor.getBinaryReturnType(DataStream.checkFunction(flatMapper, "flatMap"),
        CoFlatMapFunction.class, 0, 1, 2, first.getType(), second.getType(), "Co-Flat Map");
    return flatMap(flatMapper, out);
  }

  /** Flat-maps the records of both inputs to records of {@code outputType}. */
  public <R> SingleOutputStreamOperator<R> flatMap(
      CoFlatMapFunction<IN1, IN2, R> flatMapper, TypeInformation<R> outputType) {
    return unkeyed("Co-Flat Map", outputType,
        new CoFlatMapOperator<>(DataStream.checkFunction(flatMapper, "flatMap")));
  }

  /** Applies {@code function} to both inputs. */
  public <R> SingleOutputStreamOperator<R> process(CoProcessFunction<IN1, IN2, R> function) {
    TypeInformation<R> out = TypeExtractor.getBinaryReturnType(DataStream.checkFunction(function, "process"),
        CoProcessFunction.class, 0, 1, 2, first.getType(), second.getType(), "Co-Process");
    return process(function, out);
  }

  /** Applies {@code function} to both inputs, producing records of {@code outputType}. */
  public <R> SingleOutputStreamOperator<R> process(
      CoProcessFunction<IN1, IN2, R> function, TypeInformation<R> outputType) {
    return transform("Co-Process", outputType, new CoProcessOperator<>(DataStream.checkFunction(function, "process")));
  }

  /** Applies {@code function} per key to both inputs, which must both be keyed streams. */
  public <K, R> SingleOutputStreamOperator<R> process(KeyedCoProcessFunction<K, IN1, IN2, R> function) {
    checkKeyed();
    TypeInformation<R> out = TypeExtractor.getBinaryReturnType(DataStream.checkFunction(function, "process"),
        KeyedCoProcessFunction.class, 1, 2, 3, first.getType(), second.getType(), "KeyedCoProcess");
    return process(function, out);
  }

  /** Applies {@code function} per key to both keyed inputs, producing records of {@code outputType}. */
  public <K, R> SingleOutputStreamOperator<R> process(
      KeyedCoProcessFunction<K, IN1, IN2, R> function, TypeInformation<R> outputType) {
    checkKeyed();
    return transform("KeyedCoProcess", outputType,
        new KeyedCoProcessOperator<>(DataStream.checkFunction(function, "process")));
  }

  private void checkKeyed() {
    if (!(first instanceof KeyedStream<?, ?>) || !(second instanceof KeyedStream<?, ?>)) {
      throw new InvalidProgramException("process(KeyedCoProcessFunction) needs both connected streams to be keyed: "
          + "call keyBy on each stream before connect, or keyBy(selector1, selector2) on the connected streams.");
    }
  }

  /**
   * Applies {@code operator}, a two-input operator of the operator SPI, to these streams, producing
   * records of {@code outputType}; every parallel instance runs its own copy, so it must be
   * serializable. When both streams are keyed the operator is keyed: the runtime makes each record's
   * key (by its stream's key selector) the current key before the operator gets it.
   */
  public <R> SingleOutputStreamOperator<R> transform(
      String name, TypeInformation<R> outputType, TwoInputStreamOperator<IN1, IN2, R> operator) {
    return transform(name, outputType, OperatorChecks.factoryOf(name, operator));
  }

  /** Flink's form of {@link #transform(String, TypeInformation, StreamOperatorFactory)} for a factory of two-input operators. */
  public <R> SingleOutputStreamOperator<R> transform(
      String name, TypeInformation<R> outputType, TwoInputStreamOperatorFactory<IN1, IN2, R> factory) {
    return transform(name, outputType, (StreamOperatorFactory<R>) factory);
  }

  /**
   * Applies the two-input operator that {@code factory} creates for each parallel instance to these
   * streams; see {@link #transform(String, TypeInformation, TwoInputStreamOperator)}.
   */
  public <R> SingleOutputStreamOperator<R> transform(
      String name, TypeInformation<R> outputType, StreamOperatorFactory<R> factory) {
    OperatorChecks.checkFactory(name, outputType, factory, TwoInputStreamOperator.class, "connected streams");
    OperatorChecks.handTypes(factory, null, outputType, environment.getConfig());
    TwoInputTransformation<IN1, IN2, R> t = new TwoInputTransformation<>(environment.newId(),
        first.getTransformation(), second.getTransformation(), name, factory, outputType,
        Transformation.DEFAULT_PARALLELISM);
    t.setChainingStrategy(factory.getChainingStrategy());
    return keyed(name, t);
  }

  /**
   * Adds a built-in {@code operator} that keeps no keyed state, so that records pay for no current
   * key also when both streams are keyed (co-map and co-flat-map functions have no keyed state).
   */
  private <R> SingleOutputStreamOperator<R> unkeyed(
      String name, TypeInformation<R> outputType, TwoInputStreamOperator<IN1, IN2, R> operator) {
    if (first instanceof KeyedStream<IN1, ?> k1 && second instanceof KeyedStream<IN2, ?> k2) {
      KeyedStream.checkSameKeyType(name, "connected keyed streams", k1.getKeyType(), k2.getKeyType());
    }
    return new SingleOutputStreamOperator<>(environment, new TwoInputTransformation<>(environment.newId(),
        first.getTransformation(), second.getTransformation(), name, SimpleOperatorFactory.of(operator), outputType,
        Transformation.DEFAULT_PARALLELISM));
  }

  /** Makes {@code t} keyed when both streams are keyed, and wraps it. */
  private <R> SingleOutputStreamOperator<R> keyed(String name, TwoInputTransformation<IN1, IN2, R> t) {
    if (first instanceof KeyedStream<IN1, ?> k1 && second instanceof KeyedStream<IN2, ?> k2) {
      KeyedStream.checkSameKeyType(name, "connected keyed streams", k1.getKeyType(), k2.getKeyType());
      t.setStateKeys(k1.getKeySelector(), k2.getKeySelector(), k1.getKeyType());
    }
    return new SingleOutputStreamOperator<>(environment, t);
  }

  // ---------------------------------------------------------------- Flink's further members

  /** The environment of both streams. */
  public StreamExecutionEnvironment getExecutionEnvironment() {
    return environment;
  }

  /** The type of the first stream's records. */
  public TypeInformation<IN1> getType1() {
    return first.getType();
  }

  /** The type of the second stream's records. */
  public TypeInformation<IN2> getType2() {
    return second.getType();
  }

  /** Partitions both streams by the key of type {@code keyType} that the selectors extract. */
  public <K> ConnectedStreams<IN1, IN2> keyBy(
      KeySelector<IN1, K> keySelector1, KeySelector<IN2, K> keySelector2, TypeInformation<K> keyType) {
    return new ConnectedStreams<>(environment, first.keyBy(keySelector1, keyType), second.keyBy(keySelector2, keyType));
  }

  /** Partitions the first stream by the field at {@code keyPosition1} and the second by that at {@code keyPosition2}. */
  public ConnectedStreams<IN1, IN2> keyBy(int keyPosition1, int keyPosition2) {
    return new ConnectedStreams<>(environment, first.keyBy(keyPosition1), second.keyBy(keyPosition2));
  }

  /** Partitions the first stream by the fields at {@code keyPositions1}, the second by those at {@code keyPositions2}. */
  public ConnectedStreams<IN1, IN2> keyBy(int[] keyPositions1, int[] keyPositions2) {
    return new ConnectedStreams<>(environment, first.keyBy(keyPositions1), second.keyBy(keyPositions2));
  }

  /** Partitions the first stream by {@code field1} and the second by {@code field2} (field expressions). */
  public ConnectedStreams<IN1, IN2> keyBy(String field1, String field2) {
    return new ConnectedStreams<>(environment, first.keyBy(field1), second.keyBy(field2));
  }

  /** Partitions the first stream by the fields {@code fields1} and the second by {@code fields2}. */
  public ConnectedStreams<IN1, IN2> keyBy(String[] fields1, String[] fields2) {
    return new ConnectedStreams<>(environment, first.keyBy(fields1), second.keyBy(fields2));
  }
}
