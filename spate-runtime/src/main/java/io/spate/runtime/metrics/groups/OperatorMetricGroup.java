package io.spate.runtime.metrics.groups;

import io.spate.api.metrics.MeterView;
import io.spate.api.metrics.SimpleCounter;
import io.spate.runtime.metrics.MetricRegistry;
import io.spate.runtime.metrics.ScopeFormat;
import java.util.Map;

/**
 * The metrics of one operator in a subtask (scope {@code metrics.scope.operator}): the records it
 * takes in and emits, with their rates. The metrics of its functions
 * ({@code getRuntimeContext().getMetricGroup()}) register here too.
 */
public final class OperatorMetricGroup extends AbstractMetricGroup {

  private final SimpleCounter numRecordsIn = new SimpleCounter();
  private final SimpleCounter numRecordsOut = new SimpleCounter();

  OperatorMetricGroup(MetricRegistry registry, TaskMetricGroup parent, String operatorId, String operatorName) {
    this(registry, parent, Map.of(ScopeFormat.OPERATOR_ID, operatorId, ScopeFormat.OPERATOR_NAME,
        truncated("operator", operatorName, TaskMetricGroup.MAX_NAME_LENGTH)));
  }

  private OperatorMetricGroup(MetricRegistry registry, TaskMetricGroup parent, Map<String, String> own) {
    super(registry, registry.getScopeFormats().operator().format(JobManagerJobMetricGroup.merge(parent, own)), parent,
        own);
    counter("numRecordsIn", numRecordsIn);
    counter("numRecordsOut", numRecordsOut);
    meter("numRecordsInPerSecond", new MeterView(numRecordsIn, MeterView.DEFAULT_TIME_SPAN_SECONDS));
    meter("numRecordsOutPerSecond", new MeterView(numRecordsOut, MeterView.DEFAULT_TIME_SPAN_SECONDS));
  }

  /** Records the operator took in. */
  public SimpleCounter numRecordsIn() {
    return numRecordsIn;
  }

  /** Records the operator emitted (main and side outputs that have consumers). */
  public SimpleCounter numRecordsOut() {
    return numRecordsOut;
  }
}
