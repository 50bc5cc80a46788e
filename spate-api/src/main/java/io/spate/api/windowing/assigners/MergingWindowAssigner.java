package io.spate.api.windowing.assigners;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.windowing.windows.Window;
import java.util.Collection;

/**
 * An assigner whose windows can grow into one another, such as session windows.
 *
 * @param <T> the record type
 * @param <W> the window type
 */
@PublicEvolving
public abstract class MergingWindowAssigner<T, W extends Window> extends WindowAssigner<T, W> {

  private static final long serialVersionUID = 1L;

  /** Finds which of {@code windows} merge and reports each group to {@code callback}. */
  public abstract void mergeWindows(Collection<W> windows, MergeCallback<W> callback);

  /** Receives the groups of windows that merge. */
  @FunctionalInterface
  public interface MergeCallback<W> {
    /** {@code toBeMerged} (two or more windows) become {@code mergeResult}. */
    void merge(Collection<W> toBeMerged, W mergeResult);
  }
}
