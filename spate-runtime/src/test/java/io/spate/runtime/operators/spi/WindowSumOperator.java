package io.spate.runtime.operators.spi;

import io.spate.api.operators.AbstractStreamOperator;
import io.spate.api.operators.InternalTimer;
import io.spate.api.operators.InternalTimerService;
import io.spate.api.operators.OneInputStreamOperator;
import io.spate.api.operators.Triggerable;
import io.spate.api.state.ListState;
import io.spate.api.state.ListStateDescriptor;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.typeinfo.Types;

/**
 * A keyed operator written against the operator SPI only: it sums the records of each key per
 * window of {@code size} milliseconds of event time, in value state whose namespace is the window's
 * end; when the watermark passes that end, an event-time timer per key and window moves
 * "key@end=sum" into a list of closed windows, which a last timer emits at the end of the input (so
 * that a test compares all output exactly once, with a sink that is not transactional).
 */
final class WindowSumOperator extends AbstractStreamOperator<String>
    implements OneInputStreamOperator<Long, String>, Triggerable<Object, Long> {

  private static final long serialVersionUID = 1L;
  private static final ValueStateDescriptor<Long> SUM = new ValueStateDescriptor<>("sum", Types.LONG);
  private static final ListStateDescriptor<String> CLOSED = new ListStateDescriptor<>("closed", Types.STRING);
  // The namespace and time of the timer that emits the closed windows: fired by the final watermark.
  private static final long END_OF_INPUT = Long.MAX_VALUE - 1;

  private final long size;
  private transient InternalTimerService<Long> timers;

  WindowSumOperator(long size) {
    this.size = size;
  }

  @Override
  public void open() throws Exception {
    timers = getInternalTimerService("window-ends", this);
  }

  @Override
  public void processElement(Long value, long timestamp) throws Exception {
    long end = timestamp - Math.floorMod(timestamp, size) + size - 1;
    ValueState<Long> sum = getPartitionedState(end, SUM);
    Long current = sum.value();
    sum.update(current == null ? value : current + value);
    timers.registerEventTimeTimer(end, end);
    timers.registerEventTimeTimer(END_OF_INPUT, END_OF_INPUT);
  }

  @Override
  public void onEventTime(InternalTimer<Object, Long> timer) throws Exception {
    ListState<String> closed = getPartitionedState(CLOSED);
    if (timer.getNamespace() == END_OF_INPUT) {
      for (String window : closed.get()) {
        output.collect(window, timer.getTimestamp());
      }
      return;
    }
    ValueState<Long> sum = getPartitionedState(timer.getNamespace(), SUM);
    closed.add(timer.getKey() + "@" + timer.getTimestamp() + "=" + sum.value());
    sum.clear();
  }

  @Override
  public void onProcessingTime(InternalTimer<Object, Long> timer) {
    throw new IllegalStateException("no processing-time timers are set");
  }
}
