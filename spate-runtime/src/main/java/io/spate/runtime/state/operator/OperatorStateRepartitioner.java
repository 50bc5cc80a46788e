package io.spate.runtime.state.operator;

import io.spate.runtime.state.snapshot.OperatorStateHandle;
import io.spate.runtime.state.snapshot.OperatorStateHandle.Mode;
import io.spate.runtime.state.snapshot.OperatorStateHandle.StateMetaInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hands the operator state of the old parallel instances to the new ones when a job restores, possibly
 * at another parallelism. The new handles point at the old bytes and list only the offsets of the
 * elements each new instance gets; nothing is copied.
 *
 * <ul>
 *   <li>split-distribute: the concatenation of all old elements (old instance by instance) is cut
 *       into contiguous shares that differ in size by at most one; at an unchanged parallelism each
 *       instance keeps exactly its own elements;
 *   <li>union: every new instance gets every element;
 *   <li>broadcast: new instance {@code i} gets the whole map of the {@code i % n}-th of the {@code n}
 *       old instances that held it.
 * </ul>
 */
public final class OperatorStateRepartitioner {

  private OperatorStateRepartitioner() {}

  /**
   * The handles each of {@code newParallelism} instances restores from; {@code previous} holds the
   * handle of each old instance by index (null for an instance without operator state).
   *
   * @throws IllegalArgumentException if the parallelism is not positive or the old instances disagree
   *     on how a state is redistributed
   */
  public static List<List<OperatorStateHandle>> repartition(List<OperatorStateHandle> previous, int newParallelism) {
    if (newParallelism < 1) {
      throw new IllegalArgumentException("The new parallelism must be positive, but is " + newParallelism);
    }
    int oldParallelism = previous.size();
    Map<String, Mode> modes = modesOf(previous);
    // assigned.get(newIndex).get(oldIndex): the states (with their offsets) that the new instance reads
    // from the old instance's stream.
    List<List<Map<String, StateMetaInfo>>> assigned = new ArrayList<>(newParallelism);
    for (int i = 0; i < newParallelism; i++) {
      List<Map<String, StateMetaInfo>> perOld = new ArrayList<>(oldParallelism);
      for (int j = 0; j < oldParallelism; j++) {
        perOld.add(new LinkedHashMap<>());
      }
      assigned.add(perOld);
    }
    for (Map.Entry<String, Mode> state : modes.entrySet()) {
      String name = state.getKey();
      switch (state.getValue()) {
        case SPLIT_DISTRIBUTE -> {
          if (newParallelism == oldParallelism) {
            for (int j = 0; j < oldParallelism; j++) {
              StateMetaInfo meta = metaOf(previous.get(j), name);
              if (meta != null) {
                assigned.get(j).get(j).put(name, meta);
              }
            }
          } else {
            splitDistribute(previous, name, newParallelism, assigned);
          }
        }
        case UNION -> {
          for (int j = 0; j < oldParallelism; j++) {
            StateMetaInfo meta = metaOf(previous.get(j), name);
            if (meta != null) {
              for (int i = 0; i < newParallelism; i++) {
                assigned.get(i).get(j).put(name, meta);
              }
            }
          }
        }
        case BROADCAST -> {
          List<Integer> holders = new ArrayList<>();
          for (int j = 0; j < oldParallelism; j++) {
            if (metaOf(previous.get(j), name) != null) {
              holders.add(j);
            }
          }
          for (int i = 0; i < newParallelism; i++) {
            int j = holders.get(i % holders.size());
            assigned.get(i).get(j).put(name, metaOf(previous.get(j), name));
          }
        }
      }
    }
    List<List<OperatorStateHandle>> result = new ArrayList<>(newParallelism);
    for (int i = 0; i < newParallelism; i++) {
      List<OperatorStateHandle> handles = new ArrayList<>();
      for (int j = 0; j < oldParallelism; j++) {
        Map<String, StateMetaInfo> states = assigned.get(i).get(j);
        if (states.isEmpty()) {
          continue;
        }
        OperatorStateHandle old = previous.get(j);
        handles.add(states.equals(old.states()) ? old : new OperatorStateHandle(states, old.delegate()));
      }
      result.add(handles);
    }
    return result;
  }

  private static Map<String, Mode> modesOf(List<OperatorStateHandle> previous) {
    Map<String, Mode> modes = new LinkedHashMap<>();
    for (int j = 0; j < previous.size(); j++) {
      OperatorStateHandle handle = previous.get(j);
      if (handle == null) {
        continue;
      }
      for (Map.Entry<String, StateMetaInfo> e : handle.states().entrySet()) {
        Mode mode = e.getValue().mode();
        Mode earlier = modes.putIfAbsent(e.getKey(), mode);
        if (earlier != null && earlier != mode) {
          throw new IllegalArgumentException("Operator state '" + e.getKey() + "' is " + earlier
              + " in one old instance and " + mode + " in instance " + j + "; it cannot be redistributed");
        }
      }
    }
    return modes;
  }

  private static StateMetaInfo metaOf(OperatorStateHandle handle, String name) {
    return handle == null ? null : handle.states().get(name);
  }

  private static void splitDistribute(List<OperatorStateHandle> previous, String name, int newParallelism,
      List<List<Map<String, StateMetaInfo>>> assigned) {
    long total = 0;
    for (OperatorStateHandle handle : previous) {
      StateMetaInfo meta = metaOf(handle, name);
      total += meta == null ? 0 : meta.offsets().length;
    }
    // Walk the concatenation once; new instance i takes positions [i * total / n, (i + 1) * total / n).
    int newIndex = 0;
    long position = 0;
    for (int j = 0; j < previous.size(); j++) {
      StateMetaInfo meta = metaOf(previous.get(j), name);
      if (meta == null) {
        continue;
      }
      long[] offsets = meta.offsets();
      int from = 0;
      while (from < offsets.length) {
        long shareEnd = (newIndex + 1) * total / newParallelism;
        int take = (int) Math.min(offsets.length - from, shareEnd - position);
        if (take > 0) {
          long[] taken = from == 0 && take == offsets.length ? offsets : Arrays.copyOfRange(offsets, from, from + take);
          assigned.get(newIndex).get(j).put(name, new StateMetaInfo(Mode.SPLIT_DISTRIBUTE, taken));
          from += take;
          position += take;
        }
        if (position == shareEnd) {
          newIndex++;
        }
      }
    }
  }
}
