package io.spate.runtime.operators;

import io.spate.runtime.timers.Timer;
import io.spate.api.operators.builtin.TimestampedCollector;
import io.spate.api.operators.TwoInputStreamOperator;
import io.spate.api.common.OutputTag;
import io.spate.api.functions.KeySelector;
import io.spate.api.functions.ProcessJoinFunction;
import io.spate.api.state.MapState;
import io.spate.api.state.MapStateDescriptor;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.typeinfo.Types;
import io.spate.api.operators.state.VoidNamespace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs an event-time interval join: buffers each input's records per key in map state by
 * timestamp, joins every new record with the buffered records of the other input that lie within
 * the bounds, and drops a buffered timestamp once the watermark shows no record that could still
 * join it can arrive. Records behind the watermark are late: they go to a side output if one was
 * set, else they are dropped.
 */
public final class IntervalJoinOperator<K, IN1, IN2, OUT> extends AbstractStreamOperator<OUT>
    implements TwoInputStreamOperator<IN1, IN2, OUT>, InternalTimerServiceImpl.Target {

  /** The timer namespaces: which buffer a cleanup timer belongs to. */
  enum Side { LEFT, RIGHT }

  private final ProcessJoinFunction<IN1, IN2, OUT> function;
  private final KeySelector<IN1, K> keySelector1;
  private final KeySelector<IN2, K> keySelector2;
  private final long lowerBound;
  private final long upperBound;
  private final OutputTag<IN1> leftLateDataTag;
  private final OutputTag<IN2> rightLateDataTag;
  private final MapStateDescriptor<Long, List<IN1>> leftBufferDescriptor;
  private final MapStateDescriptor<Long, List<IN2>> rightBufferDescriptor;
  private MapState<Long, List<IN1>> leftBuffer;
  private MapState<Long, List<IN2>> rightBuffer;
  private InternalTimerServiceImpl timers;
  private TimestampedCollector<OUT> collector;
  private ContextImpl ctx;

  /**
   * Creates the operator. The bounds are inclusive, in milliseconds, relative to the left record's
   * timestamp; the late-data tags and the input types may be null.
   */
  @SuppressWarnings("unchecked")
  public IntervalJoinOperator(ProcessJoinFunction<IN1, IN2, OUT> function,
      KeySelector<?, ?> keySelector1, KeySelector<?, ?> keySelector2, long lowerBound, long upperBound,
      OutputTag<?> leftLateDataTag, OutputTag<?> rightLateDataTag,
      TypeInformation<IN1> leftType, TypeInformation<IN2> rightType) {
    super(function, true);
    this.function = function;
    this.keySelector1 = (KeySelector<IN1, K>) keySelector1;
    this.keySelector2 = (KeySelector<IN2, K>) keySelector2;
    this.lowerBound = lowerBound;
    this.upperBound = upperBound;
    this.leftLateDataTag = (OutputTag<IN1>) leftLateDataTag;
    this.rightLateDataTag = (OutputTag<IN2>) rightLateDataTag;
    this.leftBufferDescriptor = bufferDescriptor("interval-join-left-buffer", leftType);
    this.rightBufferDescriptor = bufferDescriptor("interval-join-right-buffer", rightType);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static <T> MapStateDescriptor<Long, List<T>> bufferDescriptor(String name, TypeInformation<T> type) {
    return type == null
        ? new MapStateDescriptor<>(name, Long.class, (Class) List.class)
        : new MapStateDescriptor<>(name, Types.LONG, Types.LIST(type));
  }

  @Override
  public void open() throws Exception {
    collector = new TimestampedCollector<>(output);
    timers = createTimerService("timers", this);
    leftBuffer = keyedStateBackend.getPartitionedState(VoidNamespace.INSTANCE, leftBufferDescriptor);
    rightBuffer = keyedStateBackend.getPartitionedState(VoidNamespace.INSTANCE, rightBufferDescriptor);
    ctx = new ContextImpl();
    super.open();
  }

  @Override
  public void processElement1(IN1 value, long timestamp) throws Exception {
    setCurrentKey(keyOf(keySelector1, value));
    checkTimestamp(timestamp, "left");
    if (isLate(timestamp)) {
      if (leftLateDataTag != null) {
        output.collect(leftLateDataTag, value, timestamp);
      }
      return;
    }
    addToBuffer(leftBuffer, value, timestamp);
    for (Map.Entry<Long, List<IN2>> bucket : rightBuffer.entries()) {
      long rightTimestamp = bucket.getKey();
      if (rightTimestamp >= timestamp + lowerBound && rightTimestamp <= timestamp + upperBound) {
        for (IN2 right : bucket.getValue()) {
          emit(value, right, timestamp, rightTimestamp);
        }
      }
    }
    // After the watermark passes t + upperBound, no right record that is not late can join t.
    long cleanupTime = upperBound > 0 ? timestamp + upperBound : timestamp;
    timers.registerEventTimeTimer(getCurrentKey(), Side.LEFT, cleanupTime);
  }

  @Override
  public void processElement2(IN2 value, long timestamp) throws Exception {
    setCurrentKey(keyOf(keySelector2, value));
    checkTimestamp(timestamp, "right");
    if (isLate(timestamp)) {
      if (rightLateDataTag != null) {
        output.collect(rightLateDataTag, value, timestamp);
      }
      return;
    }
    addToBuffer(rightBuffer, value, timestamp);
    for (Map.Entry<Long, List<IN1>> bucket : leftBuffer.entries()) {
      long leftTimestamp = bucket.getKey();
      if (timestamp >= leftTimestamp + lowerBound && timestamp <= leftTimestamp + upperBound) {
        for (IN1 left : bucket.getValue()) {
          emit(left, value, leftTimestamp, timestamp);
        }
      }
    }
    long cleanupTime = lowerBound < 0 ? timestamp - lowerBound : timestamp;
    timers.registerEventTimeTimer(getCurrentKey(), Side.RIGHT, cleanupTime);
  }

  private void checkTimestamp(long timestamp, String side) {
    if (timestamp == Long.MIN_VALUE) {
      throw new IllegalStateException("Interval join '" + getName() + "': a record of the " + side
          + " input has no timestamp. Interval joins run on event time: assign timestamps with "
          + "assignTimestampsAndWatermarks(...) or use a source that sets them.");
    }
  }

  private boolean isLate(long timestamp) {
    long watermark = timers.currentWatermark();
    return watermark != Long.MIN_VALUE && timestamp < watermark;
  }

  private static <T> void addToBuffer(MapState<Long, List<T>> buffer, T value, long timestamp) throws Exception {
    Long key = timestamp; // boxed once: epoch milliseconds are far outside the Long cache
    List<T> bucket = buffer.get(key);
    if (bucket == null) {
      bucket = new ArrayList<>(1);
    }
    bucket.add(value);
    buffer.put(key, bucket);
  }

  private void emit(IN1 left, IN2 right, long leftTimestamp, long rightTimestamp) throws Exception {
    long resultTimestamp = Math.max(leftTimestamp, rightTimestamp);
    ctx.leftTimestamp = leftTimestamp;
    ctx.rightTimestamp = rightTimestamp;
    ctx.resultTimestamp = resultTimestamp;
    collector.setTimestamp(resultTimestamp);
    function.processElement(left, right, ctx, collector);
  }

  @Override
  public void onEventTime(Timer timer) throws Exception {
    setCurrentKey(timer.key());
    long time = timer.timestamp();
    if (timer.namespace() == Side.LEFT) {
      leftBuffer.remove(upperBound > 0 ? time - upperBound : time);
    } else {
      rightBuffer.remove(lowerBound < 0 ? time + lowerBound : time);
    }
  }

  @Override
  public void onProcessingTime(Timer timer) {
    throw new IllegalStateException("An interval join sets no processing-time timers.");
  }

  /** The number of keys with buffered records plus the number of pending cleanup timers, for tests. */
  public long bufferedKeysAndTimers() {
    long[] n = {timers.numberOfTimers()};
    keyedStateBackend.forEachStateSize((name, size) -> {
      if (name.equals(leftBufferDescriptor.getName()) || name.equals(rightBufferDescriptor.getName())) {
        n[0] += size;
      }
    });
    return n[0];
  }

  private final class ContextImpl extends ProcessJoinFunction<IN1, IN2, OUT>.Context {
    long leftTimestamp;
    long rightTimestamp;
    long resultTimestamp;

    ContextImpl() {
      function.super();
    }

    @Override
    public long getLeftTimestamp() {
      return leftTimestamp;
    }

    @Override
    public long getRightTimestamp() {
      return rightTimestamp;
    }

    @Override
    public long getTimestamp() {
      return resultTimestamp;
    }

    @Override
    public <X> void output(OutputTag<X> outputTag, X value) {
      emitSideOutput(outputTag, value, resultTimestamp);
    }
  }
}
