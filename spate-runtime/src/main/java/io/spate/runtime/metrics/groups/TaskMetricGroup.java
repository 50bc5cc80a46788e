package io.spate.runtime.metrics.groups;

import io.spate.api.metrics.Counter;
import io.spate.api.metrics.MeterView;
import io.spate.api.metrics.SimpleCounter;
import io.spate.runtime.metrics.MetricRegistry;
import io.spate.runtime.metrics.ScopeFormat;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The metrics of one subtask (scope {@code metrics.scope.task}): the records and bytes it reads from
 * and writes to the network, with their rates, and the groups of its operators. The record counters
 * are {@link SimpleCounter}s that only the task's thread updates; the byte counters read what the
 * network counted per channel.
 */
public final class TaskMetricGroup extends AbstractMetricGroup {

  /** The longest task name used in metric identifiers, as in Flink. */
  static final int MAX_NAME_LENGTH = 80;

  private final SimpleCounter numRecordsIn = new SimpleCounter();
  private final SimpleCounter numRecordsOut = new SimpleCounter();
  private final SuppliedCounter numBytesIn = new SuppliedCounter("numBytesIn");
  private final SuppliedCounter numBytesOut = new SuppliedCounter("numBytesOut");
  private final Map<String, OperatorMetricGroup> operators = new HashMap<>();

  TaskMetricGroup(MetricRegistry registry, TaskManagerJobMetricGroup parent, String taskId, String attemptId,
      String taskName, int subtaskIndex, int attemptNumber) {
    this(registry, parent, Map.of(ScopeFormat.TASK_ID, taskId, ScopeFormat.TASK_ATTEMPT_ID, attemptId,
        ScopeFormat.TASK_NAME, truncated("task", taskName, MAX_NAME_LENGTH),
        ScopeFormat.SUBTASK_INDEX, String.valueOf(subtaskIndex), ScopeFormat.ATTEMPT_NUM,
        String.valueOf(attemptNumber)));
  }

  private TaskMetricGroup(MetricRegistry registry, TaskManagerJobMetricGroup parent, Map<String, String> own) {
    super(registry, registry.getScopeFormats().task().format(JobManagerJobMetricGroup.merge(parent, own)), parent,
        own);
    counter("numRecordsIn", numRecordsIn);
    counter("numRecordsOut", numRecordsOut);
    counter("numBytesIn", numBytesIn);
    counter("numBytesOut", numBytesOut);
    meter("numRecordsInPerSecond", new MeterView(numRecordsIn, MeterView.DEFAULT_TIME_SPAN_SECONDS));
    meter("numRecordsOutPerSecond", new MeterView(numRecordsOut, MeterView.DEFAULT_TIME_SPAN_SECONDS));
    meter("numBytesInPerSecond", new MeterView(numBytesIn, MeterView.DEFAULT_TIME_SPAN_SECONDS));
    meter("numBytesOutPerSecond", new MeterView(numBytesOut, MeterView.DEFAULT_TIME_SPAN_SECONDS));
  }

  @Override
  protected String logicalName() {
    return "task";
  }

  /** Records read from the network (and from restored in-flight state). */
  public SimpleCounter numRecordsIn() {
    return numRecordsIn;
  }

  /** Records written to the network. */
  public SimpleCounter numRecordsOut() {
    return numRecordsOut;
  }

  /** Bytes read from the network: the serialized records and events of the task's remote input channels. */
  public Counter numBytesIn() {
    return numBytesIn;
  }

  /** Bytes written to the network: the serialized records and events of the task's remote output channels. */
  public Counter numBytesOut() {
    return numBytesOut;
  }

  /**
   * Makes {@link #numBytesIn} and {@link #numBytesOut} read {@code in} and {@code out}, which sum what
   * the network counted for the task's channels.
   */
  public void countNetworkBytes(LongSupplier in, LongSupplier out) {
    numBytesIn.readFrom(in);
    numBytesOut.readFrom(out);
  }

  /** The group of operator {@code operatorId} of this subtask, created on first use. */
  public synchronized OperatorMetricGroup getOrAddOperator(String operatorId, String operatorName) {
    OperatorMetricGroup existing = operators.get(operatorId);
    if (existing != null) {
      return existing;
    }
    OperatorMetricGroup operator = addChild(operatorId,
        new OperatorMetricGroup(registry, this, operatorId, operatorName));
    operators.put(operatorId, operator);
    return operator;
  }
}
