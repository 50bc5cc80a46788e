package io.spate.api.serialization;

import java.io.IOException;
import java.util.Arrays;

/**
 * Reads records written while their class had other components into instances of the record as it
 * is now: components that are gone are read and dropped, new components get Java's default for
 * their type. Writes, copies and snapshots in the current form, as a {@link RecordSerializer} of the
 * record as it is now does, so that state read with it can be written again.
 */
final class RestoredRecordSerializer<R> extends TypeSerializer<R> {

  private static final long serialVersionUID = 1L;

  private final Class<R> recordClass;
  private final TypeSerializer<Object>[] writtenSerializers;
  private final boolean[] writtenPrimitive;
  /** The current component each written one goes to; -1 where the component is gone. */
  private final int[] targets;
  private final Object[] defaults;
  private final RecordSerializer<R> currentForm;
  private final String currentFormProblem;
  private transient RecordHandles handles;

  RestoredRecordSerializer(
      Class<R> recordClass,
      TypeSerializer<Object>[] writtenSerializers,
      boolean[] writtenPrimitive,
      int[] targets,
      Object[] defaults,
      RecordSerializer<R> currentForm,
      String currentFormProblem) {
    this.recordClass = recordClass;
    this.writtenSerializers = writtenSerializers;
    this.writtenPrimitive = writtenPrimitive;
    this.targets = targets;
    this.defaults = defaults;
    this.currentForm = currentForm;
    this.currentFormProblem = currentFormProblem;
  }

  @Override
  @SuppressWarnings("unchecked")
  public R deserialize(DataInputView source) throws IOException {
    Object[] args = defaults.clone();
    for (int i = 0; i < writtenSerializers.length; i++) {
      Object component =
          writtenPrimitive[i]
              ? writtenSerializers[i].deserialize(source)
              : NullMarkers.read(writtenSerializers[i], source);
      if (targets[i] >= 0) {
        args[targets[i]] = component;
      }
    }
    RecordHandles h = handles;
    if (h == null) {
      h = RecordHandles.of(recordClass);
      handles = h;
    }
    try {
      return (R) h.construct(args);
    } catch (RuntimeException e) {
      throw new IOException(
          "The record " + recordClass.getName() + " rejected the components restored from older"
              + " state " + Arrays.toString(args) + " (new components get 0, false or null): " + e,
          e);
    }
  }

  @Override
  public void serialize(R value, DataOutputView target) throws IOException {
    currentForm().serialize(value, target);
  }

  @Override
  public R copy(R value) {
    return currentForm().copy(value);
  }

  @Override
  public boolean isImmutableType() {
    return currentForm != null && currentForm.isImmutableType();
  }

  @Override
  public TypeSerializerSnapshot<R> snapshotConfiguration() {
    return currentForm().snapshotConfiguration();
  }

  private RecordSerializer<R> currentForm() {
    if (currentForm == null) {
      throw new IllegalStateException(
          "The serializer restored for " + recordClass.getName() + " reads its old state but cannot"
              + " write it in its new form: " + currentFormProblem);
    }
    return currentForm;
  }

  @Override
  public TypeSerializer<R> duplicate() {
    TypeSerializer<Object>[] duplicates = NullMarkers.duplicateAll(writtenSerializers);
    RecordSerializer<R> form = currentForm == null ? null : (RecordSerializer<R>) currentForm.duplicate();
    return duplicates == writtenSerializers && form == currentForm
        ? this
        : new RestoredRecordSerializer<>(
            recordClass, duplicates, writtenPrimitive, targets, defaults, form, currentFormProblem);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RestoredRecordSerializer<?> other
        && other.recordClass == recordClass
        && Arrays.equals(other.writtenSerializers, writtenSerializers)
        && Arrays.equals(other.targets, targets);
  }

  @Override
  public int hashCode() {
    return 31 * recordClass.hashCode() + Arrays.hashCode(writtenSerializers);
  }

  @Override
  public String toString() {
    return "RestoredRecordSerializer(" + recordClass.getName() + ")";
  }
}
