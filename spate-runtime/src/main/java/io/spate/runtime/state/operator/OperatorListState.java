package io.spate.runtime.state.operator;

import io.spate.api.serialization.TypeSerializer;
import io.spate.api.state.ListState;
import io.spate.runtime.state.snapshot.OperatorStateHandle.Mode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A list of operator state (split-distributed or union), held on the heap: the whole list belongs to
 * the operator instance, there is no current key.
 *
 * @param <T> the element type
 */
final class OperatorListState<T> implements ListState<T> {

  private final String name;
  private final Mode mode;
  private final TypeSerializer<T> serializer;
  private final ArrayList<T> elements = new ArrayList<>();

  OperatorListState(String name, Mode mode, TypeSerializer<T> serializer) {
    this.name = name;
    this.mode = mode;
    this.serializer = serializer;
  }

  String name() {
    return name;
  }

  Mode mode() {
    return mode;
  }

  TypeSerializer<T> serializer() {
    return serializer;
  }

  /** The elements restored from a checkpoint, read with the serializer that wrote them. */
  void restore(List<T> restored) {
    elements.addAll(restored);
  }

  /** A copy of the list that later changes do not affect, for the asynchronous part of a snapshot. */
  List<T> snapshotElements() {
    if (serializer.isImmutableType()) {
      return new ArrayList<>(elements);
    }
    List<T> copy = new ArrayList<>(elements.size());
    for (T element : elements) {
      copy.add(serializer.copy(element));
    }
    return copy;
  }

  @Override
  public Iterable<T> get() {
    return Collections.unmodifiableList(elements);
  }

  @Override
  public void add(T value) {
    elements.add(checkElement(value));
  }

  @Override
  public void update(List<T> values) {
    if (values == null || values.isEmpty()) {
      elements.clear();
      return;
    }
    checkElements(values);
    elements.clear();
    elements.addAll(values);
  }

  @Override
  public void addAll(List<T> values) {
    if (values == null || values.isEmpty()) {
      return;
    }
    checkElements(values);
    elements.addAll(values);
  }

  @Override
  public void clear() {
    elements.clear();
  }

  // All elements are checked before any is added, so a rejected call leaves the list as it was.
  private void checkElements(List<T> values) {
    for (T value : values) {
      checkElement(value);
    }
  }

  private T checkElement(T value) {
    if (value == null) {
      throw new NullPointerException("Operator list state '" + name + "' cannot hold null elements.");
    }
    return value;
  }

  @Override
  public String toString() {
    return "OperatorListState(" + name + ", " + mode + ", " + elements.size() + " elements)";
  }
}
