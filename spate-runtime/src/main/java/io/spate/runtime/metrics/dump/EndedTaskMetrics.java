package io.spate.runtime.metrics.dump;

import io.spate.runtime.metrics.groups.TaskMetricGroup;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The last values of the metrics of the latest subtasks that ended on a TaskExecutor, so that a
 * metric fetch after a subtask ended (a short bounded job) still sees its final counts. Holds at
 * most a fixed number of subtasks, dropping the oldest. Thread-safe.
 */
public final class EndedTaskMetrics {

  private final int capacity;
  private final ArrayDeque<MetricDump> ended = new ArrayDeque<>();

  /** Keeps the metrics of at most {@code capacity} ended subtasks. */
  public EndedTaskMetrics(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.capacity = capacity;
  }

  /** Keeps the metrics of {@code task}, a subtask that has ended, as they are now. */
  public void retain(TaskMetricGroup task) {
    MetricDump dump = MetricDumper.dump(task);
    synchronized (this) {
      if (ended.size() == capacity) {
        ended.removeFirst();
      }
      ended.addLast(dump);
    }
  }

  /**
   * {@code live} after the kept metrics of ended subtasks, so that a subtask running again (a new
   * attempt) overwrites its ended attempt's values in a store that takes entries in order.
   */
  public MetricDump before(MetricDump live) {
    List<MetricDump.Entry> all = new ArrayList<>();
    synchronized (this) {
      ended.forEach(dump -> all.addAll(dump.entries()));
    }
    all.addAll(live.entries());
    return new MetricDump(all);
  }
}
