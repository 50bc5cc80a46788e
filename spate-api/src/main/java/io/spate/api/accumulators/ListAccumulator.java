package io.spate.api.accumulators;

import io.spate.api.annotation.Public;
import java.util.ArrayList;

/**
 * An accumulator that collects every value added; the merged result holds the values of all
 * subtasks, each subtask's in the order it added them. The values must be serializable, as they
 * travel to the client.
 *
 * @param <T> the type of the values
 */
@Public
public class ListAccumulator<T> implements Accumulator<T, ArrayList<T>> {

  private static final long serialVersionUID = 1L;

  private ArrayList<T> values = new ArrayList<>();

  /** Starts empty. */
  public ListAccumulator() {}

  @Override
  public void add(T value) {
    values.add(value);
  }

  @Override
  public ArrayList<T> getLocalValue() {
    return values;
  }

  @Override
  public void resetLocal() {
    values.clear();
  }

  @Override
  public void merge(Accumulator<T, ArrayList<T>> other) {
    values.addAll(other.getLocalValue());
  }

  @Override
  public ListAccumulator<T> clone() {
    ListAccumulator<T> copy = new ListAccumulator<>();
    copy.values = new ArrayList<>(values);
    return copy;
  }

  @Override
  public String toString() {
    return "ListAccumulator " + values;
  }
}
