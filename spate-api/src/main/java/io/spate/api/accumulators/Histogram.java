package io.spate.api.accumulators;

import io.spate.api.annotation.Public;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An accumulator that counts how often each {@code int} value was added, over all subtasks: its
 * result maps each value to its count, in value order.
 */
@Public
public class Histogram implements Accumulator<Integer, TreeMap<Integer, Integer>> {

  private static final long serialVersionUID = 1L;

  private TreeMap<Integer, Integer> counts = new TreeMap<>();

  /** Starts with no values. */
  public Histogram() {}

  @Override
  public void add(Integer value) {
    counts.merge(Objects.requireNonNull(value, "Histogram.add: the value must not be null."), 1, Integer::sum);
  }

  @Override
  public TreeMap<Integer, Integer> getLocalValue() {
    return counts;
  }

  @Override
  public void merge(Accumulator<Integer, TreeMap<Integer, Integer>> other) {
    for (Map.Entry<Integer, Integer> entry : other.getLocalValue().entrySet()) {
      counts.merge(entry.getKey(), entry.getValue(), Integer::sum);
    }
  }

  @Override
  public void resetLocal() {
    counts.clear();
  }

  @Override
  public Histogram clone() {
    Histogram copy = new Histogram();
    copy.counts = new TreeMap<>(counts);
    return copy;
  }

  @Override
  public String toString() {
    return "Histogram " + counts;
  }
}
