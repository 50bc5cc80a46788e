package io.spate.runtime.checkpoint;

import io.spate.runtime.checkpoint.metadata.CheckpointMetadata;
import io.spate.runtime.checkpoint.metadata.OperatorState;
import io.spate.runtime.graph.JobGraph;
import io.spate.runtime.graph.JobVertex;
import io.spate.runtime.graph.StreamNode;
import io.spate.runtime.state.keygroup.KeyGroupAssignment;
import io.spate.runtime.state.keygroup.KeyGroupRange;
import io.spate.runtime.state.operator.OperatorStateRepartitioner;
import io.spate.runtime.state.snapshot.InputChannelStateHandle;
import io.spate.runtime.state.snapshot.KeyedStateHandle;
import io.spate.runtime.state.snapshot.OperatorStateHandle;
import io.spate.runtime.state.snapshot.OperatorSubtaskState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what every subtask of a job restores from a checkpoint or savepoint: operators are matched
 * by id (from their uid); keyed state goes to the subtask that now owns each key group; operator
 * state is split, unioned or copied for the new parallelism. A subtask whose operators had all
 * finished when the checkpoint was taken restores as finished; an operator that had finished on some
 * of its subtasks only restores at the same parallelism, so that each finished subtask stays one.
 */
public final class StateAssignment {

  private static final Logger LOG = LoggerFactory.getLogger(StateAssignment.class);

  private StateAssignment() {}

  /**
   * The restore of every subtask, by vertex id then subtask index.
   *
   * @param allowNonRestoredState whether state of operators that the job no longer has may be skipped
   * @param source names the checkpoint in messages
   * @throws IllegalStateException if the state does not fit the job, naming the operator and why
   */
  public static Map<Integer, TaskRestore[]> assign(JobGraph job, CheckpointMetadata metadata,
      boolean allowNonRestoredState, String source) {
    Set<String> matched = new HashSet<>();
    Map<Integer, TaskRestore[]> result = new HashMap<>();
    List<String> withoutUid = new ArrayList<>();
    for (JobVertex vertex : job.vertices()) {
      int parallelism = vertex.getParallelism();
      List<Map<String, OperatorSubtaskState>> perSubtask = new ArrayList<>();
      boolean[] finished = new boolean[parallelism];
      for (int i = 0; i < parallelism; i++) {
        perSubtask.add(new HashMap<>());
      }
      boolean anyKnown = false;
      Arrays.fill(finished, true);
      for (StreamNode node : vertex.getChain()) {
        OperatorState state = metadata.operators().get(node.getOperatorId());
        if (state == null) {
          continue;
        }
        if (node.getTransformation().getUid() == null && node.getTransformation().getUidHash() == null) {
          withoutUid.add(node.getName());
        }
        matched.add(node.getOperatorId());
        anyKnown = true;
        boolean[] nodeFinished = finishedSubtasks(node, state, source);
        for (int i = 0; i < parallelism; i++) {
          finished[i] &= nodeFinished[i];
        }
        OperatorSubtaskState[] assigned = assignOperator(node, state, source);
        for (int i = 0; i < parallelism; i++) {
          if (!assigned[i].isEmpty()) {
            perSubtask.get(i).put(node.getOperatorId(), assigned[i]);
          }
        }
      }
      TaskRestore[] restores = new TaskRestore[parallelism];
      for (int i = 0; i < parallelism; i++) {
        restores[i] = new TaskRestore(metadata.checkpointId(), perSubtask.get(i), anyKnown && finished[i]);
      }
      result.put(vertex.getId(), restores);
    }
    for (OperatorState state : metadata.operators().values()) {
      if (!matched.contains(state.operatorId()) && state.holdsState()) {
        if (!allowNonRestoredState) {
          throw new IllegalStateException(source + " holds state of operator '" + state.name() + "' (id "
              + state.operatorId() + ") that this job does not have: the operator was removed or its uid changed"
              + " (operators without a uid get ids from their place in the graph: set uid(...) on stateful"
              + " operators)"
              + ". To start without that state, allow non-restored state (--allow-non-restored-state).");
        }
        LOG.warn("Skipping the state of operator '{}' (id {}) in {}: the job has no such operator",
            state.name(), state.operatorId(), source);
      }
    }
    if (!withoutUid.isEmpty() && metadata.type().isSavepoint()) {
      LOG.warn("Restoring {} into operators without a uid: {}. Their state was matched by their place in the"
          + " graph, which changes when the job changes; set uid(...) on stateful operators.", source, withoutUid);
    }
    return result;
  }

  /**
   * Which of {@code node}'s subtasks had finished in the checkpoint: all of them if every old subtask
   * had, at any parallelism; the same ones if some had, at the same parallelism.
   *
   * @throws IllegalStateException if some had finished and the parallelism changed
   */
  private static boolean[] finishedSubtasks(StreamNode node, OperatorState state, String source) {
    boolean[] finished = new boolean[node.getParallelism()];
    if (state.isFullyFinished()) {
      Arrays.fill(finished, true);
    } else if (!state.finishedSubtasks().isEmpty()) {
      if (state.parallelism() != node.getParallelism()) {
        throw new IllegalStateException("Cannot restore operator '" + node.getName() + "' from " + source
            + " at parallelism " + node.getParallelism() + ": " + state.finishedSubtasks().size() + " of its "
            + state.parallelism() + " subtasks had finished when it was taken (subtasks "
            + state.finishedSubtasks() + "), and a partly finished operator restores only at the parallelism it"
            + " had (" + state.parallelism() + ").");
      }
      for (int subtask : state.finishedSubtasks()) {
        finished[subtask] = true;
      }
    }
    return finished;
  }

  private static OperatorSubtaskState[] assignOperator(StreamNode node, OperatorState state, String source) {
    int parallelism = node.getParallelism();
    int oldParallelism = state.parallelism();
    boolean hasKeyedState = state.subtaskStates().values().stream().anyMatch(s -> !s.keyedState().isEmpty());
    if (hasKeyedState && state.maxParallelism() != node.getMaxParallelism()) {
      throw new IllegalStateException("Cannot restore operator '" + node.getName() + "' from " + source
          + ": its keyed state has " + state.maxParallelism() + " key groups (max parallelism) and the operator now"
          + " has a max parallelism of " + node.getMaxParallelism() + "; the max parallelism of keyed operators must"
          + " not change.");
    }
    boolean hasChannelState = state.subtaskStates().values().stream().anyMatch(s -> !s.inputChannelState().isEmpty());
    if (hasChannelState && oldParallelism != parallelism) {
      throw new IllegalStateException("Cannot restore operator '" + node.getName() + "' from " + source
          + " at parallelism " + parallelism + ": it is an unaligned checkpoint taken at parallelism "
          + oldParallelism + " with records in flight; restore at the old parallelism or from a savepoint.");
    }
    List<OperatorStateHandle> operatorHandles = new ArrayList<>();
    for (int i = 0; i < oldParallelism; i++) {
      OperatorSubtaskState s = state.subtaskStates().get(i);
      operatorHandles.add(s == null || s.operatorState().isEmpty() ? null : single(s.operatorState(), node));
    }
    List<List<OperatorStateHandle>> operatorAssigned = operatorHandles.stream().allMatch(h -> h == null)
        ? null : OperatorStateRepartitioner.repartition(operatorHandles, parallelism);
    OperatorSubtaskState[] result = new OperatorSubtaskState[parallelism];
    for (int i = 0; i < parallelism; i++) {
      KeyGroupRange range = KeyGroupAssignment.rangeForSubtask(node.getMaxParallelism(), parallelism, i);
      List<KeyedStateHandle> keyed = new ArrayList<>();
      for (OperatorSubtaskState s : state.subtaskStates().values()) {
        for (KeyedStateHandle h : s.keyedState()) {
          if (intersects(h.getKeyGroupRange(), range)) {
            keyed.add(h);
          }
        }
      }
      OperatorSubtaskState old = state.subtaskStates().get(i);
      List<InputChannelStateHandle> channels = old == null ? List.of() : old.inputChannelState();
      result[i] = new OperatorSubtaskState(keyed, operatorAssigned == null ? List.of() : operatorAssigned.get(i),
          channels);
    }
    return result;
  }

  private static OperatorStateHandle single(List<OperatorStateHandle> handles, StreamNode node) {
    if (handles.size() != 1) {
      throw new IllegalStateException("Operator '" + node.getName() + "' has " + handles.size()
          + " operator state handles in one subtask; expected one");
    }
    return handles.get(0);
  }

  private static boolean intersects(KeyGroupRange a, KeyGroupRange b) {
    return a.startKeyGroup() <= b.endKeyGroup() && b.startKeyGroup() <= a.endKeyGroup();
  }
}
