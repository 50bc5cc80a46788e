package io.spate.api.functions.source;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.checkpoint.CheckpointedFunction;
import io.spate.api.checkpoint.FunctionInitializationContext;
import io.spate.api.checkpoint.FunctionSnapshotContext;
import io.spate.api.common.ExecutionConfig;
import io.spate.api.serialization.DataInputDeserializer;
import io.spate.api.serialization.DataOutputSerializer;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.state.ListState;
import io.spate.api.state.ListStateDescriptor;
import io.spate.api.typeinfo.Types;
import io.spate.api.typeinfo.TypeInformation;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A non-parallel legacy source of a fixed list of elements. Given a serializer (or an output type
 * through {@link #setOutputType}), it carries the elements serialized, so they need not be
 * {@link Serializable}; without one they travel as they are. How many it has emitted is
 * checkpointed, so a restored job emits each element exactly once.
 *
 * @param <T> the record type
 */
@PublicEvolving
public class FromElementsFunction<T> implements SourceFunction<T>, CheckpointedFunction {

  private static final long serialVersionUID = 1L;

  private TypeSerializer<T> serializer;
  /** The elements serialized with {@link #serializer}, once there is one. */
  private byte[] elementsSerialized;
  /** The elements as given, while there is no serializer. */
  private List<T> elements;
  private final int numElements;
  private volatile int numElementsEmitted;
  private volatile int numElementsToSkip;
  private volatile boolean isRunning = true;
  private transient ListState<Integer> checkpointedState;

  /** A source of {@code elements}, carried serialized with {@code serializer}. */
  @SafeVarargs
  public FromElementsFunction(TypeSerializer<T> serializer, T... elements) throws IOException {
    this(serializer, Arrays.asList(elements));
  }

  /** A source of {@code elements}, carried serialized with {@code serializer}. */
  public FromElementsFunction(TypeSerializer<T> serializer, Iterable<T> elements) throws IOException {
    this.elements = copy(elements);
    this.numElements = this.elements.size();
    serializeWith(Objects.requireNonNull(serializer, "FromElementsFunction: the serializer must not be null."));
  }

  /** A source of {@code elements}; they are serialized once the output type is known. */
  @SafeVarargs
  public FromElementsFunction(T... elements) {
    this(Arrays.asList(elements));
  }

  /** A source of {@code elements}; they are serialized once the output type is known. */
  public FromElementsFunction(Iterable<T> elements) {
    this.elements = copy(elements);
    this.numElements = this.elements.size();
  }

  private static <T> List<T> copy(Iterable<T> elements) {
    Objects.requireNonNull(elements, "FromElementsFunction: the elements must not be null.");
    List<T> list = new ArrayList<>();
    for (T element : elements) {
      list.add(element);
    }
    return list;
  }

  private void serializeWith(TypeSerializer<T> typeSerializer) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(64);
    int index = 0;
    for (T element : elements) {
      try {
        typeSerializer.serialize(element, out);
      } catch (IOException | RuntimeException e) {
        throw new IOException("FromElementsFunction: element " + index + " (" + element + ") could not be serialized"
            + " with " + typeSerializer + ": " + e.getMessage(), e);
      }
      index++;
    }
    this.serializer = typeSerializer;
    this.elementsSerialized = out.getCopyOfBuffer();
    this.elements = null;
  }

  /** The serializer the elements are carried with, or null while there is none. */
  public TypeSerializer<T> getSerializer() {
    return serializer;
  }

  /**
   * Serializes the elements with the serializer of {@code outTypeInfo}, unless a serializer was
   * given. (Flink's class is an {@code OutputTypeConfigurable}; Spate's functions do not depend on
   * its operators package, and its legacy source operator does not call this.)
   */
  public void setOutputType(TypeInformation<T> outTypeInfo, ExecutionConfig executionConfig) {
    Objects.requireNonNull(outTypeInfo, "FromElementsFunction: the output type must not be null.");
    if (serializer != null) {
      return; // the serializer given to the constructor wins, as in Flink
    }
    try {
      serializeWith(outTypeInfo.createSerializer(executionConfig));
    } catch (IOException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  @Override
  public void initializeState(FunctionInitializationContext context) throws Exception {
    if (checkpointedState != null) {
      throw new IllegalStateException("FromElementsFunction: initializeState was called twice.");
    }
    checkpointedState = context.getOperatorStateStore().getListState(
        new ListStateDescriptor<>("from-elements-state", Types.INT));
    if (context.isRestored()) {
      List<Integer> restored = new ArrayList<>();
      for (Integer emitted : checkpointedState.get()) {
        restored.add(emitted);
      }
      if (restored.size() != 1) {
        throw new IllegalStateException("FromElementsFunction: the restored state holds " + restored.size()
            + " counts of emitted elements, where this non-parallel source keeps exactly one.");
      }
      numElementsToSkip = restored.get(0);
      numElementsEmitted = numElementsToSkip; // a checkpoint before run starts keeps the count
    }
  }

  @Override
  public void run(SourceContext<T> ctx) throws Exception {
    DataInputDeserializer input = elementsSerialized == null ? null : new DataInputDeserializer(elementsSerialized);
    int toSkip = numElementsToSkip;
    for (int i = 0; i < toSkip && i < numElements; i++) {
      next(input, i);
    }
    numElementsEmitted = Math.min(toSkip, numElements);
    Object lock = ctx.getCheckpointLock();
    while (isRunning && numElementsEmitted < numElements) {
      T element = next(input, numElementsEmitted);
      synchronized (lock) {
        ctx.collect(element);
        numElementsEmitted++;
      }
    }
  }

  private T next(DataInputDeserializer input, int index) throws IOException {
    if (input == null) {
      return elements.get(index);
    }
    try {
      return serializer.deserialize(input);
    } catch (IOException | RuntimeException e) {
      throw new IOException("FromElementsFunction: element " + index + " could not be deserialized with "
          + serializer + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void cancel() {
    isRunning = false;
  }

  /** How many elements this source emits in all. */
  public int getNumElements() {
    return numElements;
  }

  /** How many elements it has emitted so far (counting those a restore skipped). */
  public int getNumElementsEmitted() {
    return numElementsEmitted;
  }

  @Override
  public void snapshotState(FunctionSnapshotContext context) throws Exception {
    if (checkpointedState == null) {
      throw new IllegalStateException("FromElementsFunction: snapshotState was called before initializeState.");
    }
    checkpointedState.update(List.of(numElementsEmitted));
  }

  /**
   * Checks that every element of {@code elements} is a {@code viewedAs}.
   *
   * @throws IllegalArgumentException naming the first element that is not, or a null element
   */
  public static <OUT> void checkCollection(Collection<OUT> elements, Class<OUT> viewedAs) {
    Objects.requireNonNull(elements, "checkCollection: the collection must not be null.");
    Objects.requireNonNull(viewedAs, "checkCollection: the class must not be null.");
    int index = 0;
    for (OUT element : elements) {
      if (element == null) {
        throw new IllegalArgumentException("The collection contains a null element, at position " + index + ".");
      }
      if (!viewedAs.isAssignableFrom(element.getClass())) {
        throw new IllegalArgumentException("The elements in the collection are not all subclasses of "
            + viewedAs.getCanonicalName() + ": element " + index + " is a " + element.getClass().getCanonicalName()
            + ".");
      }
      index++;
    }
  }
}
