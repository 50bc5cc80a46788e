package io.spate.runtime.jobmaster;

import io.spate.runtime.resourcemanager.SlotOffer;
import io.spate.runtime.execution.ExecutionState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The TaskExecutors a JobMaster's slots were on that have since been lost, so that a restart asks
 * the ResourceManager for slots again instead of deploying to them. Holds only addresses of the
 * current slots, so it is bounded by them.
 */
final class LostTaskExecutors {

  private final Set<String> lost = new HashSet<>();

  /** Records {@code address} as lost; true if it holds some of {@code offers} and was not known lost. */
  boolean markLost(String address, List<SlotOffer> offers) {
    if (offers == null || offers.stream().noneMatch(offer -> offer.taskExecutorAddress().equals(address))) {
      return false;
    }
    return lost.add(address);
  }

  /** Whether some of the current slots are on a lost TaskExecutor. */
  boolean any() {
    return !lost.isEmpty();
  }

  /** The lost TaskExecutors, for messages. */
  List<String> addresses() {
    return List.copyOf(lost);
  }

  /**
   * The lost TaskExecutors that {@code offers} still has slots on: the ResourceManager has not noticed
   * yet (the JobMaster found out first, through a call that failed).
   */
  List<String> offeredIn(List<SlotOffer> offers) {
    List<String> offered = new ArrayList<>();
    for (String address : lost) {
      if (offers.stream().anyMatch(offer -> offer.taskExecutorAddress().equals(address))) {
        offered.add(address);
      }
    }
    return offered;
  }

  /** Forgets them: the slots were requested anew. */
  void clear() {
    lost.clear();
  }

  /**
   * Ends every execution of {@code graph} that was deployed to {@code address} and has not ended:
   * they are FAILED now, since they will never report a state of their own.
   *
   * @return those executions, in graph order
   */
  static List<Execution> failExecutionsOn(ExecutionGraph graph, String address) {
    List<Execution> failed = new ArrayList<>();
    if (graph == null) {
      return failed;
    }
    for (Execution execution : graph.executions()) {
      if (address.equals(execution.taskExecutorAddress) && !execution.state.isTerminal()) {
        execution.state = ExecutionState.FAILED;
        failed.add(execution);
      }
    }
    return failed;
  }
}
