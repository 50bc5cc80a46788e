package io.spate.runtime.operators.spi;

import io.spate.api.common.OutputTag;
import io.spate.api.eventtime.Watermark;
import io.spate.api.operators.AbstractStreamOperator;
import io.spate.api.operators.InternalTimer;
import io.spate.api.operators.InternalTimerService;
import io.spate.api.operators.OneInputStreamOperator;
import io.spate.api.operators.StateInitializationContext;
import io.spate.api.operators.StateSnapshotContext;
import io.spate.api.operators.StreamRecord;
import io.spate.api.operators.Triggerable;
import io.spate.api.operators.state.VoidNamespace;
import io.spate.api.serialization.LongSerializer;
import io.spate.api.state.ListState;
import io.spate.api.state.ListStateDescriptor;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.typeinfo.Types;
import io.spate.runtime.state.serialization.VoidNamespaceSerializer;
import java.util.ArrayList;
import java.util.List;

/**
 * An operator written as one writes it for Flink (its imports rewritten to Spate's): it sums each
 * key's records per tumbling window of event time in value state namespaced by the window's end, and
 * when the watermark passes that end an event-time timer files "key@end=sum" in the key's list of
 * closed windows; a record at or below the last watermark goes to the side output "late". At the end
 * of the input it emits every closed window and, from its operator state, the number of records the
 * subtask saw ("seen=n"); so a test compares all output exactly once, with a sink that is not
 * transactional.
 */
public class WindowTotalsOperator extends AbstractStreamOperator<String>
    implements OneInputStreamOperator<Long, String>, Triggerable<Long, Long> {

  private static final long serialVersionUID = 1L;
  public static final OutputTag<Long> LATE = new OutputTag<>("late", Types.LONG);

  private final ValueStateDescriptor<Long> sumDescriptor = new ValueStateDescriptor<>("sum", Types.LONG);
  private final ListStateDescriptor<String> closedDescriptor = new ListStateDescriptor<>("closed", Types.STRING);
  private final ListStateDescriptor<Long> seenDescriptor = new ListStateDescriptor<>("seen", Types.LONG);
  private final long size;

  private transient InternalTimerService<Long> windowEnds;
  private transient ListState<Long> seenState;
  private transient long seen;
  private transient long lastWatermark;

  public WindowTotalsOperator(long size) {
    this.size = size;
  }

  @Override
  public void initializeState(StateInitializationContext context) throws Exception {
    super.initializeState(context);
    seenState = context.getOperatorStateStore().getListState(seenDescriptor);
    if (context.isRestored()) {
      for (Long count : seenState.get()) {
        seen += count;
      }
    }
  }

  @Override
  public void open() throws Exception {
    super.open();
    lastWatermark = Long.MIN_VALUE;
    windowEnds = getInternalTimerService("window-ends", LongSerializer.INSTANCE, this);
  }

  @Override
  public void processElement(StreamRecord<Long> element) throws Exception {
    seen++;
    if (element.getTimestamp() <= lastWatermark) {
      output.collect(LATE, element);
      return;
    }
    long end = element.getTimestamp() - Math.floorMod(element.getTimestamp(), size) + size - 1;
    ValueState<Long> sum = getPartitionedState(end, LongSerializer.INSTANCE, sumDescriptor);
    Long current = sum.value();
    sum.update(current == null ? element.getValue() : current + element.getValue());
    windowEnds.registerEventTimeTimer(end, end);
  }

  @Override
  public void onEventTime(InternalTimer<Long, Long> timer) throws Exception {
    ValueState<Long> sum = getPartitionedState(timer.getNamespace(), LongSerializer.INSTANCE, sumDescriptor);
    getPartitionedState(closedDescriptor).add(timer.getKey() + "@" + timer.getTimestamp() + "=" + sum.value());
    sum.clear();
  }

  @Override
  public void onProcessingTime(InternalTimer<Long, Long> timer) {
    throw new IllegalStateException("no processing-time timers are set");
  }

  @Override
  public void processWatermark(Watermark mark) throws Exception {
    lastWatermark = mark.getTimestamp();
    super.processWatermark(mark);
  }

  @Override
  public void snapshotState(StateSnapshotContext context) throws Exception {
    super.snapshotState(context);
    seenState.update(List.of(seen));
  }

  @Override
  public void finish() throws Exception {
    super.finish();
    List<String> closed = new ArrayList<>();
    getKeyedStateBackend().applyToAllKeys(VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE,
        closedDescriptor, (key, windows) -> windows.get().forEach(closed::add));
    for (String window : closed) {
      output.collect(new StreamRecord<>(window));
    }
    output.collect(new StreamRecord<>("seen=" + seen));
  }
}
