package io.spate.runtime.state.operator;

import io.spate.runtime.state.snapshot.OperatorStateHandle;
import java.util.ArrayList;
import java.util.List;

/** SCAFFOLD (being implemented): hands the operator state of old subtasks to new ones. */
public final class OperatorStateRepartitioner {

  private OperatorStateRepartitioner() {}

  /** The handles each of {@code newParallelism} subtasks restores from; index = old subtask in {@code previous}. */
  public static List<List<OperatorStateHandle>> repartition(List<OperatorStateHandle> previous, int newParallelism) {
    if (previous.size() != newParallelism) {
      throw new UnsupportedOperationException("scaffold: rescaling operator state");
    }
    List<List<OperatorStateHandle>> result = new ArrayList<>();
    for (OperatorStateHandle h : previous) {
      result.add(h == null ? List.of() : List.of(h));
    }
    return result;
  }
}
