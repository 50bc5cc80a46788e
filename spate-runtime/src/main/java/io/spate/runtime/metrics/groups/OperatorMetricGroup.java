package io.spate.runtime.metrics.groups;

import io.spate.api.metrics.MeterView;
import io.spate.api.metrics.SimpleCounter;
import io.spate.runtime.metrics.MetricRegistry;
import io.spate.runtime.metrics.ScopeFormat;
import java.util.Map;
import java.util.Objects;

/**
 * The metrics of one operator in a subtask (scope {@code metrics.scope.operator}): the records it
 * takes in and emits, with their rates. The metrics of its functions
 * ({@code getRuntimeContext().getMetricGroup()}) register here too.
 */
public final class OperatorMetricGroup extends AbstractMetricGroup {

  // Volatile for the reporters' reads only: the task's thread holds the counters it increments.
  private volatile SimpleCounter numRecordsIn = new SimpleCounter();
  private volatile SimpleCounter numRecordsOut = new SimpleCounter();

  OperatorMetricGroup(MetricRegistry registry, TaskMetricGroup parent, String operatorId, String operatorName) {
    this(registry, parent, Map.of(ScopeFormat.OPERATOR_ID, operatorId, ScopeFormat.OPERATOR_NAME,
        truncated("operator", operatorName, TaskMetricGroup.MAX_NAME_LENGTH)));
  }

  private OperatorMetricGroup(MetricRegistry registry, TaskMetricGroup parent, Map<String, String> own) {
    super(registry, registry.getScopeFormats().operator().format(JobManagerJobMetricGroup.merge(parent, own)), parent,
        own);
    SuppliedCounter recordsIn = new SuppliedCounter("numRecordsIn");
    recordsIn.readFrom(() -> numRecordsIn.getCount());
    counter("numRecordsIn", recordsIn);
    SuppliedCounter recordsOut = new SuppliedCounter("numRecordsOut");
    recordsOut.readFrom(() -> numRecordsOut.getCount());
    counter("numRecordsOut", recordsOut);
    meter("numRecordsInPerSecond", new MeterView(recordsIn, MeterView.DEFAULT_TIME_SPAN_SECONDS));
    meter("numRecordsOutPerSecond", new MeterView(recordsOut, MeterView.DEFAULT_TIME_SPAN_SECONDS));
  }

  @Override
  protected String logicalName() {
    return "operator";
  }

  /** Records the operator took in. */
  public SimpleCounter numRecordsIn() {
    return numRecordsIn;
  }

  /** Records the operator emitted (main and side outputs that have consumers). */
  public SimpleCounter numRecordsOut() {
    return numRecordsOut;
  }

  /**
   * Counts the records this operator emits with {@code counter} from now on: the numRecordsIn of
   * the one operator it feeds within its chain, which takes in exactly what this one emits, so a
   * chained record costs one increment rather than two. Called while the chain is built, before any
   * record.
   */
  public void countRecordsOutWith(SimpleCounter counter) {
    numRecordsOut = Objects.requireNonNull(counter, "counter");
  }

  /**
   * Counts the records this operator takes in with {@code counter} from now on: the numRecordsOut of
   * the operator that feeds it within its chain, when that operator hands every record it emits to
   * each of its consumers (no side outputs), so that a record routed to several chained operators is
   * counted once rather than once per consumer. Called while the chain is built, before any record.
   */
  public void countRecordsInWith(SimpleCounter counter) {
    numRecordsIn = Objects.requireNonNull(counter, "counter");
  }
}
