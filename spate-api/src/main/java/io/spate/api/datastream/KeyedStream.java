package io.spate.api.datastream;

import io.spate.api.annotation.Public;
import io.spate.api.annotation.PublicEvolving;
import io.spate.api.common.OutputTag;
import io.spate.api.dag.TwoInputTransformation;
import io.spate.api.functions.ProcessJoinFunction;
import io.spate.api.operators.builtin.IntervalJoinOperatorFactory;
import java.time.Duration;
import io.spate.api.common.InvalidProgramException;
import io.spate.api.common.TimeCharacteristic;
import io.spate.api.dag.OneInputTransformation;
import io.spate.api.operators.builtin.KeyedProcessOperator;
import io.spate.api.operators.builtin.KeyedReduceOperatorFactory;
import io.spate.api.dag.PartitionSpec;
import io.spate.api.dag.PartitionTransformation;
import io.spate.api.dag.Transformation;
import io.spate.api.datastream.aggregation.ComparableAggregator;
import io.spate.api.datastream.aggregation.SumAggregator;
import io.spate.api.functions.KeySelector;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.api.functions.ReduceFunction;
import io.spate.api.typeinfo.FieldAccessor;
import io.spate.api.typeinfo.InvalidTypesException;
import io.spate.api.typeinfo.MissingTypeInfo;
import io.spate.api.typeinfo.TypeExtractor;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.windowing.assigners.GlobalWindows;
import io.spate.api.windowing.assigners.SlidingEventTimeWindows;
import io.spate.api.windowing.assigners.SlidingProcessingTimeWindows;
import io.spate.api.windowing.assigners.TumblingEventTimeWindows;
import io.spate.api.windowing.assigners.TumblingProcessingTimeWindows;
import io.spate.api.windowing.assigners.WindowAssigner;
import io.spate.api.windowing.evictors.CountEvictor;
import io.spate.api.windowing.time.Time;
import io.spate.api.windowing.triggers.CountTrigger;
import io.spate.api.windowing.triggers.PurgingTrigger;
import io.spate.api.windowing.windows.GlobalWindow;
import io.spate.api.windowing.windows.TimeWindow;
import io.spate.api.windowing.windows.Window;

/**
 * A stream partitioned by key: records with equal keys go to the same subtask, and keyed operators
 * keep their state and timers per key.
 *
 * @param <T> the record type
 * @param <K> the key type
 */
@Public
public class KeyedStream<T, K> extends DataStream<T> {

  private final KeySelector<T, K> keySelector;
  private final TypeInformation<K> keyType;

  /** Partitions {@code input} by the key that {@code keySelector} extracts, of type {@code keyType}. */
  public KeyedStream(DataStream<T> input, KeySelector<T, K> keySelector, TypeInformation<K> keyType) {
    this(input, new PartitionSpec.KeyGroupHash(checkFunction(keySelector, "keyBy"),
        java.util.Objects.requireNonNull(keyType, "keyType")), keySelector, keyType);
  }

  /** Partitions {@code input} by the key that {@code keySelector} extracts; the key type is inferred. */
  public KeyedStream(DataStream<T> input, KeySelector<T, K> keySelector) {
    this(input, keySelector, TypeExtractor.getUnaryReturnType(
        checkFunction(keySelector, "keyBy"), KeySelector.class, 0, 1, input.getType(), "Key Selector"));
  }

  /** A keyed stream whose records reach its operators as {@code partitioning} sends them. */
  KeyedStream(DataStream<T> input, PartitionSpec partitioning, KeySelector<T, K> keySelector,
      TypeInformation<K> keyType) {
    super(input.environment, new PartitionTransformation<>(input.environment.newId(), input.transformation,
        partitioning));
    this.keySelector = keySelector;
    this.keyType = keyType;
    if (!(keyType instanceof MissingTypeInfo)) {
      try {
        keyType.checkValidKey();
      } catch (InvalidTypesException e) {
        throw new InvalidProgramException("keyBy on " + input.transformation.describe()
            + ": the key type " + keyType + " cannot be used as a key. " + e.getMessage(), e);
      }
    }
  }

  /** The function that extracts the key. */
  public KeySelector<T, K> getKeySelector() {
    return keySelector;
  }

  /** The key type. */
  public TypeInformation<K> getKeyType() {
    return keyType;
  }

  /** Applies {@code function} per key, with timers and the current key in its context. */
  public <R> SingleOutputStreamOperator<R> process(KeyedProcessFunction<K, T, R> function) {
    TypeInformation<R> out = TypeExtractor.getUnaryReturnType(
        checkFunction(function, "process"), KeyedProcessFunction.class, 1, 2, getType(), "KeyedProcess");
    return process(function, out);
  }

  /** Applies {@code function} per key, producing records of {@code outputType}. */
  public <R> SingleOutputStreamOperator<R> process(
      KeyedProcessFunction<K, T, R> function, TypeInformation<R> outputType) {
    return transform("KeyedProcess", outputType, new KeyedProcessOperator<>(checkFunction(function, "process")));
  }

  /**
   * Starts an interval join with {@code other}: records of both streams with equal keys whose
   * timestamps lie within bounds set by {@link IntervalJoin#between} are joined (event time only).
   */
  public <T1> IntervalJoin<T, T1, K> intervalJoin(KeyedStream<T1, K> other) {
    return new IntervalJoin<>(this, other);
  }

  /** Cuts the records of each key into the windows of {@code assigner}. */
  public <W extends Window> WindowedStream<T, K, W> window(WindowAssigner<? super T, W> assigner) {
    return new WindowedStream<>(this, assigner);
  }

  /** Windows of {@code size} records per key: each fires and empties after {@code size} records. */
  public WindowedStream<T, K, GlobalWindow> countWindow(long size) {
    checkCount("countWindow", "size", size);
    return window(GlobalWindows.create()).trigger(PurgingTrigger.of(CountTrigger.of(size)));
  }

  /** The last {@code size} records per key, evaluated every {@code slide} records. */
  public WindowedStream<T, K, GlobalWindow> countWindow(long size, long slide) {
    checkCount("countWindow", "size", size);
    checkCount("countWindow", "slide", slide);
    return window(GlobalWindows.create()).evictor(CountEvictor.of(size)).trigger(CountTrigger.of(slide));
  }

  /**
   * Tumbling time windows of {@code size} per key: in event time, unless the environment's deprecated
   * time characteristic is processing time, as in Flink.
   *
   * @deprecated use {@code window(TumblingEventTimeWindows.of(size))}, as in Flink.
   */
  @Deprecated
  public WindowedStream<T, K, TimeWindow> timeWindow(Time size) {
    return processingTime(getExecutionEnvironment())
        ? window(TumblingProcessingTimeWindows.of(size)) : window(TumblingEventTimeWindows.of(size));
  }

  /**
   * Sliding time windows of {@code size} every {@code slide} per key, in event time unless the time
   * characteristic is processing time.
   *
   * @deprecated use {@code window(SlidingEventTimeWindows.of(size, slide))}, as in Flink.
   */
  @Deprecated
  public WindowedStream<T, K, TimeWindow> timeWindow(Time size, Time slide) {
    return processingTime(getExecutionEnvironment())
        ? window(SlidingProcessingTimeWindows.of(size, slide)) : window(SlidingEventTimeWindows.of(size, slide));
  }

  /** Whether {@code timeWindow}s of {@code environment} are in processing time. */
  @SuppressWarnings("deprecation")
  static boolean processingTime(StreamExecutionEnvironment environment) {
    return environment.getStreamTimeCharacteristic() == TimeCharacteristic.ProcessingTime;
  }

  /** Fails unless two known key types are equal; {@code streams} names the streams in the message. */
  static void checkSameKeyType(String operation, String streams, TypeInformation<?> first, TypeInformation<?> second) {
    if (!(first instanceof MissingTypeInfo<?>) && !(second instanceof MissingTypeInfo<?>) && !first.equals(second)) {
      throw new InvalidProgramException(operation + ": the key types of the " + streams + " differ (" + first
          + " and " + second + "); both streams must be keyed by the same type.");
    }
  }

  static void checkCount(String operation, String what, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(operation + ": the " + what + " must be positive, but was " + value + ".");
    }
  }

  /** Combines the records of each key with {@code reducer}, emitting the running result per record. */
  public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> reducer) {
    return transform("Keyed Reduce", getType(),
        new KeyedReduceOperatorFactory<>(checkFunction(reducer, "reduce"), getType()));
  }

  /** The running sum of the field at {@code position} per key. */
  public SingleOutputStreamOperator<T> sum(int position) {
    return aggregate("Keyed Sum", new SumAggregator<>(accessor(position), serializer()));
  }

  /** The running sum of the field {@code field} per key. */
  public SingleOutputStreamOperator<T> sum(String field) {
    return aggregate("Keyed Sum", new SumAggregator<>(accessor(field), serializer()));
  }

  /** The running minimum of the field at {@code position} per key; other fields are unspecified. */
  public SingleOutputStreamOperator<T> min(int position) {
    return aggregate("Keyed Min", new ComparableAggregator<>(accessor(position), serializer(), ComparableAggregator.Kind.MIN, true));
  }

  /** The running minimum of {@code field} per key; other fields are unspecified. */
  public SingleOutputStreamOperator<T> min(String field) {
    return aggregate("Keyed Min", new ComparableAggregator<>(accessor(field), serializer(), ComparableAggregator.Kind.MIN, true));
  }

  /** The running maximum of the field at {@code position} per key; other fields are unspecified. */
  public SingleOutputStreamOperator<T> max(int position) {
    return aggregate("Keyed Max", new ComparableAggregator<>(accessor(position), serializer(), ComparableAggregator.Kind.MAX, true));
  }

  /** The running maximum of {@code field} per key; other fields are unspecified. */
  public SingleOutputStreamOperator<T> max(String field) {
    return aggregate("Keyed Max", new ComparableAggregator<>(accessor(field), serializer(), ComparableAggregator.Kind.MAX, true));
  }

  /** The record with the smallest value at {@code position} per key (the first one on ties). */
  public SingleOutputStreamOperator<T> minBy(int position) {
    return minBy(position, true);
  }

  /** The record with the smallest value at {@code position}; on ties the first if {@code first}. */
  public SingleOutputStreamOperator<T> minBy(int position, boolean first) {
    return aggregate("Keyed MinBy", new ComparableAggregator<>(accessor(position), serializer(), ComparableAggregator.Kind.MIN_BY, first));
  }

  /** The record with the smallest {@code field} per key (the first one on ties). */
  public SingleOutputStreamOperator<T> minBy(String field) {
    return minBy(field, true);
  }

  /** The record with the smallest {@code field}; on ties the first if {@code first}. */
  public SingleOutputStreamOperator<T> minBy(String field, boolean first) {
    return aggregate("Keyed MinBy", new ComparableAggregator<>(accessor(field), serializer(), ComparableAggregator.Kind.MIN_BY, first));
  }

  /** The record with the largest value at {@code position} per key (the first one on ties). */
  public SingleOutputStreamOperator<T> maxBy(int position) {
    return maxBy(position, true);
  }

  /** The record with the largest value at {@code position}; on ties the first if {@code first}. */
  public SingleOutputStreamOperator<T> maxBy(int position, boolean first) {
    return aggregate("Keyed MaxBy", new ComparableAggregator<>(accessor(position), serializer(), ComparableAggregator.Kind.MAX_BY, first));
  }

  /** The record with the largest {@code field} per key (the first one on ties). */
  public SingleOutputStreamOperator<T> maxBy(String field) {
    return maxBy(field, true);
  }

  /** The record with the largest {@code field}; on ties the first if {@code first}. */
  public SingleOutputStreamOperator<T> maxBy(String field, boolean first) {
    return aggregate("Keyed MaxBy", new ComparableAggregator<>(accessor(field), serializer(), ComparableAggregator.Kind.MAX_BY, first));
  }

  private SingleOutputStreamOperator<T> aggregate(String name, ReduceFunction<T> aggregator) {
    return transform(name, getType(), new KeyedReduceOperatorFactory<>(aggregator, getType()));
  }

  private io.spate.api.serialization.TypeSerializer<T> serializer() {
    return getType().createSerializer();
  }

  private <F> FieldAccessor<T, F> accessor(String field) {
    try {
      return getType().fieldAccessor(field);
    } catch (InvalidTypesException e) {
      throw new InvalidProgramException("Aggregation on field '" + field + "' of " + getType() + ": " + e.getMessage(), e);
    }
  }

  private <F> FieldAccessor<T, F> accessor(int position) {
    try {
      return getType().fieldAccessor(position);
    } catch (InvalidTypesException e) {
      throw new InvalidProgramException("Aggregation on position " + position + " of " + getType() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Every operator applied to a keyed stream is keyed, as in Flink: a rich {@code map}, {@code
   * flatMap}, {@code filter} or {@code process} after {@code keyBy} may use keyed state.
   */
  @Override
  void keyOperator(OneInputTransformation<T, ?> transformation) {
    transformation.setStateKey(keySelector, keyType);
  }

  // ---------------------------------------------------------------- interval joins, nested as in Flink

  /**
   * The first step of an interval join of two keyed streams: says the time bounds, in
   * {@link #between}.
   *
   * @param <T1> the left stream's type
   * @param <T2> the right stream's type
   * @param <KEY> the key type of both streams
   */
  @PublicEvolving
  public static class IntervalJoin<T1, T2, KEY> {

    private final KeyedStream<T1, KEY> left;
    private final KeyedStream<T2, KEY> right;
    private boolean eventTime = true;

    IntervalJoin(KeyedStream<T1, KEY> left, KeyedStream<T2, KEY> right) {
      if (right == null) {
        throw new InvalidProgramException("intervalJoin: the other stream must not be null.");
      }
      if (left.getExecutionEnvironment() != right.getExecutionEnvironment()) {
        throw new InvalidProgramException("intervalJoin: both streams must belong to the same environment.");
      }
      this.left = left;
      this.right = right;
    }

    /** Joins on event time, the default and the only time an interval join supports. */
    public IntervalJoin<T1, T2, KEY> inEventTime() {
      eventTime = true;
      return this;
    }

    /** Asks for a processing-time join, which {@link #between} then rejects, as Flink does. */
    public IntervalJoin<T1, T2, KEY> inProcessingTime() {
      eventTime = false;
      return this;
    }

    /**
     * Joins a left record with timestamp t to every right record of the same key whose timestamp is
     * in {@code [t + lowerBound, t + upperBound]}; the bounds may be negative.
     */
    public IntervalJoined<T1, T2, KEY> between(Duration lowerBound, Duration upperBound) {
      if (!eventTime) {
        throw new UnsupportedTimeCharacteristicException("intervalJoin: interval joins are only supported in event time; "
            + "remove inProcessingTime() and give both streams timestamps and watermarks.");
      }
      if (lowerBound == null || upperBound == null) {
        throw new InvalidProgramException("intervalJoin: the lower and upper bounds must not be null.");
      }
      long lower = lowerBound.toMillis();
      long upper = upperBound.toMillis();
      if (lower > upper) {
        throw new InvalidProgramException("intervalJoin: the lower bound (" + lowerBound
            + ") must not be greater than the upper bound (" + upperBound + ").");
      }
      return new IntervalJoined<>(left, right, lower, upper);
    }

    /** As {@link #between(Duration, Duration)}, with the bounds as Flink {@link Time}s. */
    @Deprecated
    public IntervalJoined<T1, T2, KEY> between(Time lowerBound, Time upperBound) {
      return between(Time.toDuration(lowerBound), Time.toDuration(upperBound));
    }
  }

  /**
   * An interval join with its bounds set: optionally makes a bound exclusive or routes late records to
   * side outputs, then joins with {@link #process}.
   *
   * @param <IN1> the left stream's type
   * @param <IN2> the right stream's type
   * @param <KEY> the key type of both streams
   */
  @PublicEvolving
  public static class IntervalJoined<IN1, IN2, KEY> {

    private final KeyedStream<IN1, KEY> left;
    private final KeyedStream<IN2, KEY> right;
    private final long lowerBound;
    private final long upperBound;
    private boolean lowerBoundInclusive = true;
    private boolean upperBoundInclusive = true;
    private OutputTag<IN1> leftLateDataTag;
    private OutputTag<IN2> rightLateDataTag;

    IntervalJoined(KeyedStream<IN1, KEY> left, KeyedStream<IN2, KEY> right, long lowerBound, long upperBound) {
      this.left = left;
      this.right = right;
      this.lowerBound = lowerBound;
      this.upperBound = upperBound;
    }

    /**
     * Joins {@code left} and {@code right} with the bounds in milliseconds, each inclusive or not, as
     * {@code left.intervalJoin(right).between(...)} with {@code lowerBoundExclusive()} and {@code
     * upperBoundExclusive()} does.
     */
    public IntervalJoined(KeyedStream<IN1, KEY> left, KeyedStream<IN2, KEY> right, long lowerBound, long upperBound,
        boolean lowerBoundInclusive, boolean upperBoundInclusive) {
      this(java.util.Objects.requireNonNull(left, "left"), java.util.Objects.requireNonNull(right, "right"),
          lowerBound, upperBound);
      if (lowerBound > upperBound) {
        throw new InvalidProgramException("intervalJoin: the lower bound (" + lowerBound
            + " ms) must not be greater than the upper bound (" + upperBound + " ms).");
      }
      this.lowerBoundInclusive = lowerBoundInclusive;
      this.upperBoundInclusive = upperBoundInclusive;
    }

    /** Excludes the lower bound: right records at exactly {@code t + lowerBound} do not join. */
    public IntervalJoined<IN1, IN2, KEY> lowerBoundExclusive() {
      lowerBoundInclusive = false;
      return this;
    }

    /** Excludes the upper bound: right records at exactly {@code t + upperBound} do not join. */
    public IntervalJoined<IN1, IN2, KEY> upperBoundExclusive() {
      upperBoundInclusive = false;
      return this;
    }

    /** Emits left records that arrive behind the watermark to {@code tag} instead of dropping them. */
    public IntervalJoined<IN1, IN2, KEY> sideOutputLeftLateData(OutputTag<IN1> tag) {
      leftLateDataTag = checkTag(tag);
      return this;
    }

    /** Emits right records that arrive behind the watermark to {@code tag} instead of dropping them. */
    public IntervalJoined<IN1, IN2, KEY> sideOutputRightLateData(OutputTag<IN2> tag) {
      rightLateDataTag = checkTag(tag);
      return this;
    }

    private static <T> OutputTag<T> checkTag(OutputTag<T> tag) {
      if (tag == null) {
        throw new InvalidProgramException("intervalJoin: the late data output tag must not be null.");
      }
      return tag;
    }

    /** Calls {@code function} with every joined pair. */
    public <OUT> SingleOutputStreamOperator<OUT> process(ProcessJoinFunction<IN1, IN2, OUT> function) {
      TypeInformation<OUT> out = TypeExtractor.getBinaryReturnType(DataStream.checkFunction(function, "process"),
          ProcessJoinFunction.class, 0, 1, 2, left.getType(), right.getType(), "IntervalJoin");
      return process(function, out);
    }

    /** Calls {@code function} with every joined pair, producing records of {@code outputType}. */
    public <OUT> SingleOutputStreamOperator<OUT> process(
        ProcessJoinFunction<IN1, IN2, OUT> function, TypeInformation<OUT> outputType) {
      DataStream.checkFunction(function, "process");
      TypeInformation<KEY> keyType = left.getKeyType();
      KeyedStream.checkSameKeyType("intervalJoin", "joined streams", keyType, right.getKeyType());
      long lower = IntervalJoinOperatorFactory.inclusiveLowerBound(lowerBound, lowerBoundInclusive);
      long upper = IntervalJoinOperatorFactory.inclusiveUpperBound(upperBound, upperBoundInclusive);
      StreamExecutionEnvironment env = left.getExecutionEnvironment();
      TwoInputTransformation<IN1, IN2, OUT> t = new TwoInputTransformation<>(env.newId(), left.getTransformation(),
          right.getTransformation(), "IntervalJoin",
          new IntervalJoinOperatorFactory<>(function, lower, upper, leftLateDataTag, rightLateDataTag,
              left.getType(), right.getType()),
          outputType, Transformation.DEFAULT_PARALLELISM);
      t.setStateKeys(left.getKeySelector(), right.getKeySelector(), keyType);
      return new SingleOutputStreamOperator<>(env, t);
    }
  }
}
