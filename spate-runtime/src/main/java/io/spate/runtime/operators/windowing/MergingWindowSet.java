package io.spate.runtime.operators.windowing;

import io.spate.api.state.ValueState;
import io.spate.api.windowing.assigners.DynamicEventTimeSessionWindows;
import io.spate.api.windowing.assigners.DynamicProcessingTimeSessionWindows;
import io.spate.api.windowing.assigners.EventTimeSessionWindows;
import io.spate.api.windowing.assigners.MergingWindowAssigner;
import io.spate.api.windowing.assigners.ProcessingTimeSessionWindows;
import io.spate.api.windowing.windows.TimeWindow;
import io.spate.api.windowing.windows.Window;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The live windows of one key of a merging assigner (sessions), each mapped to the window whose
 * state namespace holds its contents. When windows merge, the result keeps one of their state
 * windows, so merging moves no more state than the merged namespaces hold. The map lives in keyed
 * value state, so it is part of the operator's checkpointed state; on the heap it is changed in
 * place, so a record costs no copy of the set.
 *
 * @param <W> the window type
 */
public final class MergingWindowSet<W extends Window> {

  /** Told about each merge, to merge trigger state, timers and contents. */
  @FunctionalInterface
  public interface MergeFunction<W> {
    /**
     * {@code mergedWindows} became {@code mergeResult}, whose contents live in {@code stateWindowResult};
     * the contents of {@code mergedStateWindows} are to be merged into it.
     */
    void merge(W mergeResult, Collection<W> mergedWindows, W stateWindowResult, Collection<W> mergedStateWindows)
        throws Exception;
  }

  private final MergingWindowAssigner<?, W> assigner;
  // The built-in session assigners merge exactly the windows that touch (TimeWindow.mergeWindows),
  // which lets a new window find its group without sorting and grouping all live windows.
  private final boolean mergesTouchingTimeWindows;
  private final ValueState<HashMap<W, W>> state;
  private HashMap<W, W> mapping;
  private boolean changed;

  /** The set kept in {@code state}; one per operator, {@link #load loaded} for each key in turn. */
  public MergingWindowSet(MergingWindowAssigner<?, W> assigner, ValueState<HashMap<W, W>> state) {
    this.assigner = assigner;
    this.mergesTouchingTimeWindows = assigner instanceof EventTimeSessionWindows
        || assigner instanceof ProcessingTimeSessionWindows
        || assigner instanceof DynamicEventTimeSessionWindows
        || assigner instanceof DynamicProcessingTimeSessionWindows;
    this.state = state;
  }

  /** Points this set at the windows of the current key. */
  public void load() throws Exception {
    HashMap<W, W> stored = state.value();
    mapping = stored != null ? stored : new HashMap<>(4);
    changed = false;
  }

  /** Writes the set back to keyed state if it changed. */
  public void persist() throws Exception {
    if (!changed) {
      return;
    }
    if (mapping.isEmpty()) {
      state.clear();
    } else {
      state.update(mapping);
    }
    changed = false;
  }

  /** The window whose namespace holds the contents of {@code window}, or null if it is not live. */
  public W getStateWindow(W window) {
    return mapping.get(window);
  }

  /** Forgets {@code window} (it was purged for good). */
  public void retireWindow(W window) {
    if (mapping.remove(window) == null) {
      throw new IllegalStateException("Window " + window + " is not in the merging window set.");
    }
    changed = true;
  }

  /**
   * Adds {@code newWindow}, merging it (and any windows it joins) with the live windows; returns the
   * window that now contains it.
   */
  public W addWindow(W newWindow, MergeFunction<W> mergeFunction) throws Exception {
    if (mapping.containsKey(newWindow)) {
      return newWindow; // an existing live window: nothing merges, its state window stays
    }
    if (mergesTouchingTimeWindows) {
      return addTouchingTimeWindow(newWindow, mergeFunction);
    }
    List<W> windows = new ArrayList<>(mapping.size() + 1);
    windows.addAll(mapping.keySet());
    windows.add(newWindow);
    Map<W, Collection<W>> merges = new LinkedHashMap<>();
    assigner.mergeWindows(windows, (toBeMerged, mergeResult) -> merges.put(mergeResult, new ArrayList<>(toBeMerged)));

    W result = newWindow;
    boolean newWindowMerged = false;
    for (Map.Entry<W, Collection<W>> merge : merges.entrySet()) {
      W mergeResult = merge.getKey();
      Collection<W> mergedWindows = merge.getValue();
      if (mergedWindows.remove(newWindow)) {
        newWindowMerged = true;
        result = mergeResult;
      }
      if (mergedWindows.isEmpty()) {
        continue;
      }
      W keptStateWindow = mapping.get(mergedWindows.iterator().next());
      List<W> mergedStateWindows = new ArrayList<>(mergedWindows.size());
      for (W merged : mergedWindows) {
        W stateWindow = mapping.remove(merged);
        if (stateWindow != null && !stateWindow.equals(keptStateWindow)) {
          mergedStateWindows.add(stateWindow);
        }
      }
      mapping.put(mergeResult, keptStateWindow);
      changed = true;
      // a window merged only with the new window that it already covers: nothing to merge
      if (!(mergedWindows.size() == 1 && mergedWindows.contains(mergeResult))) {
        mergeFunction.merge(mergeResult, mergedWindows, keptStateWindow, mergedStateWindows);
      }
    }
    if (!newWindowMerged) {
      mapping.put(newWindow, newWindow);
      changed = true;
    }
    return result;
  }

  /**
   * {@link #addWindow} for assigners that merge touching time windows. Live windows never touch
   * one another (each addition merges), so the new window's group is exactly the live windows it
   * touches; the outcome, including which state window is kept and the order of the merged
   * windows, is the general path's.
   */
  @SuppressWarnings("unchecked")
  private W addTouchingTimeWindow(W newWindow, MergeFunction<W> mergeFunction) throws Exception {
    TimeWindow added = (TimeWindow) newWindow;
    TimeWindow cover = added;
    TimeWindow earliest = null;
    int touching = 0;
    for (W live : mapping.keySet()) {
      TimeWindow window = (TimeWindow) live;
      if (window.intersects(added)) {
        touching++;
        cover = cover.cover(window);
        if (earliest == null || window.getStart() < earliest.getStart()) {
          earliest = window;
        }
      }
    }
    if (touching == 0) {
      mapping.put(newWindow, newWindow);
      changed = true;
      return newWindow;
    }
    if (touching == 1 && cover.equals(earliest)) {
      return (W) earliest; // a live window already covers the new one
    }
    List<W> mergedWindows = new ArrayList<>(touching);
    for (W live : mapping.keySet()) {
      if (((TimeWindow) live).intersects(added)) {
        mergedWindows.add(live);
      }
    }
    mergedWindows.sort(Comparator.comparingLong(w -> ((TimeWindow) w).getStart()));
    W keptStateWindow = mapping.get((W) earliest);
    List<W> mergedStateWindows = new ArrayList<>(touching);
    for (W merged : mergedWindows) {
      W stateWindow = mapping.remove(merged);
      if (stateWindow != null && !stateWindow.equals(keptStateWindow)) {
        mergedStateWindows.add(stateWindow);
      }
    }
    W result = (W) cover;
    mapping.put(result, keptStateWindow);
    changed = true;
    mergeFunction.merge(result, mergedWindows, keptStateWindow, mergedStateWindows);
    return result;
  }
}
