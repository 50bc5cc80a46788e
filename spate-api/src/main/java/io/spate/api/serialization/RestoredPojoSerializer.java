package io.spate.api.serialization;

import java.io.IOException;
import java.util.Arrays;

/**
 * Reads POJOs written while their class had other fields into instances of the class as it is now:
 * fields that are gone are read and dropped, new fields keep what the no-arg constructor gave them.
 * Writes, copies and snapshots in the current form, as a {@link PojoSerializer} of the class as it is
 * now does, so that state read with it can be written again.
 */
final class RestoredPojoSerializer<T> extends TypeSerializer<T> {

  private static final long serialVersionUID = 1L;

  private final Class<T> pojoClass;
  private final TypeSerializer<Object>[] writtenSerializers;
  private final boolean[] writtenPrimitive;
  /** The current field each written field goes to; null where the field is gone. */
  private final PojoProperty[] targets;
  private final PojoInstantiator<T> instantiator;
  private final PojoSerializer<T> currentForm;
  private final String currentFormProblem;

  RestoredPojoSerializer(
      Class<T> pojoClass,
      TypeSerializer<Object>[] writtenSerializers,
      boolean[] writtenPrimitive,
      PojoProperty[] targets,
      PojoSerializer<T> currentForm,
      String currentFormProblem) {
    this.pojoClass = pojoClass;
    this.writtenSerializers = writtenSerializers;
    this.writtenPrimitive = writtenPrimitive;
    this.targets = targets;
    this.instantiator = new PojoInstantiator<>(pojoClass);
    this.currentForm = currentForm;
    this.currentFormProblem = currentFormProblem;
  }

  @Override
  public T deserialize(DataInputView source) throws IOException {
    T value = instantiator.newInstance();
    for (int i = 0; i < writtenSerializers.length; i++) {
      Object field =
          writtenPrimitive[i]
              ? writtenSerializers[i].deserialize(source)
              : NullMarkers.read(writtenSerializers[i], source);
      if (targets[i] != null) {
        targets[i].set(value, field);
      }
    }
    return value;
  }

  @Override
  public void serialize(T value, DataOutputView target) throws IOException {
    currentForm().serialize(value, target);
  }

  @Override
  public T copy(T value) {
    return currentForm().copy(value);
  }

  @Override
  public TypeSerializerSnapshot<T> snapshotConfiguration() {
    return currentForm().snapshotConfiguration();
  }

  private PojoSerializer<T> currentForm() {
    if (currentForm == null) {
      throw new IllegalStateException(
          "The serializer restored for " + pojoClass.getName() + " reads its old state but cannot"
              + " write it in its new form: " + currentFormProblem);
    }
    return currentForm;
  }

  @Override
  public TypeSerializer<T> duplicate() {
    TypeSerializer<Object>[] duplicates = NullMarkers.duplicateAll(writtenSerializers);
    PojoSerializer<T> form = currentForm == null ? null : (PojoSerializer<T>) currentForm.duplicate();
    return duplicates == writtenSerializers && form == currentForm
        ? this
        : new RestoredPojoSerializer<>(
            pojoClass, duplicates, writtenPrimitive, targets, form, currentFormProblem);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RestoredPojoSerializer<?> other
        && other.pojoClass == pojoClass
        && Arrays.equals(other.writtenSerializers, writtenSerializers)
        && Arrays.equals(other.targets, targets);
  }

  @Override
  public int hashCode() {
    return 31 * pojoClass.hashCode() + Arrays.hashCode(writtenSerializers);
  }

  @Override
  public String toString() {
    return "RestoredPojoSerializer(" + pojoClass.getName() + ")";
  }
}
