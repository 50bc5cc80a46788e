package io.spate.runtime.jobmaster;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * A job's user accumulators as the REST API shows them: merged over the whole job, per vertex, and per
 * subtask; current values of running subtasks, final values of finished ones.
 *
 * @param job the accumulators merged over every subtask
 * @param byVertex the accumulators of each vertex, merged over its subtasks, by vertex id
 * @param bySubtask the accumulators of each subtask, by vertex id and then subtask index
 */
public record JobAccumulators(List<Value> job, Map<Integer, List<Value>> byVertex,
    Map<Integer, Map<Integer, List<Value>>> bySubtask) implements Serializable {

  /** No accumulators. */
  public static final JobAccumulators EMPTY = new JobAccumulators(List.of(), Map.of(), Map.of());

  /**
   * One accumulator, as Flink's REST API reports it.
   *
   * @param name the name it was registered under
   * @param type its class's simple name, such as IntCounter
   * @param value its value as text
   */
  public record Value(String name, String type, String value) implements Serializable {}
}
