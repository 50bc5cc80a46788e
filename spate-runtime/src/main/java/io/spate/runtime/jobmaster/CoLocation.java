package io.spate.runtime.jobmaster;

import io.spate.runtime.resourcemanager.SlotOffer;
import java.util.HashMap;
import java.util.Map;

/**
 * Checks a placement against the vertices' co-location groups: subtask i of every vertex of a group
 * (the head and the tail of an iteration) must run in one TaskExecutor, where they share a channel.
 */
final class CoLocation {

  private record Member(String vertexName, String address) {}

  private CoLocation() {}

  /** Why {@code slots} break a co-location group, or null if they keep every group. */
  static String violation(Map<Execution, SlotOffer> slots) {
    Map<String, Member> placed = new HashMap<>();
    for (Map.Entry<Execution, SlotOffer> e : slots.entrySet()) {
      Execution execution = e.getKey();
      for (int group : execution.vertex.getCoLocationGroups()) {
        int subtask = execution.attemptId.subtaskIndex();
        Member member = new Member(execution.vertex.getName(), e.getValue().taskExecutorAddress());
        Member other = placed.putIfAbsent(group + "/" + subtask, member);
        if (other != null && !other.address().equals(member.address())) {
          return "subtask " + (subtask + 1) + " of '" + other.vertexName() + "' and of '" + member.vertexName()
              + "' (the head and the tail of iteration " + group + ") must run in the same TaskExecutor, but got"
              + " slots on " + other.address() + " and " + member.address();
        }
      }
    }
    return null;
  }
}
