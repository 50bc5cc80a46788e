package io.spate.api.datastream;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.common.InvalidProgramException;
import io.spate.api.common.OutputTag;
import io.spate.api.operators.builtin.IntervalJoinOperatorFactory;
import io.spate.api.dag.Transformation;
import io.spate.api.dag.TwoInputTransformation;
import io.spate.api.functions.ProcessJoinFunction;
import io.spate.api.typeinfo.TypeExtractor;
import io.spate.api.typeinfo.TypeInformation;

/**
 * An interval join with its bounds set: optionally makes a bound exclusive or routes late records to
 * side outputs, then joins with {@link #process}.
 *
 * @param <IN1> the left stream's type
 * @param <IN2> the right stream's type
 * @param <KEY> the key type of both streams
 */
@PublicEvolving
public class IntervalJoined<IN1, IN2, KEY> {

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
