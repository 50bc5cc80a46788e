package io.spate.runtime.jobmaster;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The watermark alignment groups of one job: the watermark each source subtask of a group last
 * reported, across all sources of the job in that group. Used on the JobMaster's main thread only.
 */
final class WatermarkAlignmentGroups {

  // group -> source operator id -> last reported watermark per subtask; sized by the job graph.
  private final Map<String, Map<Integer, long[]>> groups = new HashMap<>();

  /** Adds the subtasks of a source to {@code group}; they hold the group back until they report. */
  void register(String group, int operatorId, int parallelism) {
    long[] watermarks = new long[parallelism];
    Arrays.fill(watermarks, Long.MIN_VALUE);
    groups.computeIfAbsent(group, g -> new HashMap<>()).put(operatorId, watermarks);
  }

  /** Forgets every group (the job restarts and its sources register again). */
  void clear() {
    groups.clear();
  }

  /** Records the watermark a subtask reported; {@code Long.MAX_VALUE} stands for idle or finished. */
  void report(String group, int operatorId, int subtask, long watermark) {
    Map<Integer, long[]> sources = groups.get(group);
    long[] watermarks = sources == null ? null : sources.get(operatorId);
    if (watermarks == null || subtask < 0 || subtask >= watermarks.length) {
      throw new IllegalArgumentException("Source operator " + operatorId + " has no subtask " + subtask
          + " in watermark alignment group '" + group + "'");
    }
    watermarks[subtask] = watermark;
  }

  /**
   * The minimum watermark over the group's subtasks that are neither idle nor finished, or {@code
   * Long.MAX_VALUE} if there is none.
   */
  long minimum(String group) {
    long min = Long.MAX_VALUE;
    for (long[] watermarks : groups.getOrDefault(group, Map.of()).values()) {
      for (long watermark : watermarks) {
        min = Math.min(min, watermark);
      }
    }
    return min;
  }
}
