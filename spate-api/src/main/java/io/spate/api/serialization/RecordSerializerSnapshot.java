package io.spate.api.serialization;

import io.spate.api.annotation.Internal;
import java.lang.reflect.Array;
import java.lang.reflect.Type;

/**
 * The snapshot of a {@link RecordSerializer}: the record's class name and its components in written
 * order, each with its name, declared type and the snapshot of its serializer.
 *
 * <p>The restored serializer reads the old layout into instances of the record as it is now:
 * components that no longer exist are read and dropped, new components get Java's default for their
 * type (0, false or null). A new serializer reads the old bytes as they are if the components
 * (names, order, serializers) are unchanged, after migration if components were added, removed or
 * reordered or a component's serializer needs migration, and not at all if a component kept its
 * name but changed its type.
 *
 * @param <R> the record type
 */
@Internal
public final class RecordSerializerSnapshot<R> extends ClassLayoutSnapshot<R> {

  /** For reading; {@link #readSnapshot} fills it in. */
  public RecordSerializerSnapshot() {
    super("record", "component");
  }

  RecordSerializerSnapshot(Class<R> type, SnapshotFields members) {
    super("record", "component", type, members);
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalStateException if the class is no longer on the class path, is no longer a
   *     record, or a component changed its type
   */
  @Override
  @SuppressWarnings("unchecked")
  public TypeSerializer<R> restoreSerializer() {
    if (type == null) {
      throw new IllegalStateException(
          "Cannot restore the serializer of " + className + ": the class is not on the class path");
    }
    if (!type.isRecord()) {
      throw new IllegalStateException(
          "Cannot restore the serializer of " + className + ": it was a record when the state was"
              + " written and is now " + UserClasses.describeKind(type)
              + "; Spate cannot migrate state between kinds of class");
    }
    Class<R> current = (Class<R>) type;
    RecordHandles handles = RecordHandles.of(current);
    String[] currentNames = RecordSerializer.componentNames(handles);
    Type[] currentTypes = RecordSerializer.componentTypes(handles);
    String change = members.typeChange(currentNames, currentTypes);
    if (change != null) {
      throw new IllegalStateException("Cannot restore the serializer of " + className + ": " + change);
    }
    TypeSerializer<Object>[] restored = members.restoreSerializers();
    if (members.sameNames(currentNames)) {
      // The layout is the same; nested serializers read their old layouts and write their new ones.
      return new RecordSerializer<>(current, restored);
    }
    int[] targets = new int[members.size()];
    boolean[] writtenPrimitive = new boolean[members.size()];
    for (int i = 0; i < targets.length; i++) {
      writtenPrimitive[i] = members.isPrimitive(i);
      targets[i] = -1;
      for (int j = 0; j < currentNames.length; j++) {
        if (currentNames[j].equals(members.name(i))) {
          targets[i] = j;
        }
      }
    }
    Object[] defaults = new Object[currentNames.length];
    for (int j = 0; j < defaults.length; j++) {
      // The element of a new one-element array is Java's default for the type, boxed.
      defaults[j] = Array.get(Array.newInstance(handles.rawType(j), 1), 0);
    }
    RecordSerializer<R> currentForm = null;
    String currentFormProblem = null;
    try {
      currentForm = new RecordSerializer<>(
          current, members.currentSerializers(currentNames, currentTypes, restored));
    } catch (IllegalArgumentException e) {
      currentFormProblem = e.getMessage();
    }
    return new RestoredRecordSerializer<>(
        current, restored, writtenPrimitive, targets, defaults, currentForm, currentFormProblem);
  }

  @Override
  public TypeSerializerSchemaCompatibility<R> resolveSchemaCompatibility(TypeSerializer<R> newSerializer) {
    if (!(newSerializer instanceof RecordSerializer<R> records)) {
      if (newSerializer instanceof PojoSerializer<?> pojos) {
        return TypeSerializerSchemaCompatibility.incompatible(
            className + " was a record when the state was written and is now a POJO ("
                + pojos.getPojoClass().getName() + "); Spate cannot migrate state between kinds of"
                + " class");
      }
      return TypeSerializerSchemaCompatibility.incompatible(
          "the serializer of " + className + " changed from a RecordSerializer to " + newSerializer);
    }
    Class<R> newClass = records.getRecordClass();
    if (!newClass.getName().equals(className)) {
      return TypeSerializerSchemaCompatibility.incompatible(
          "the state was written for the record " + className + ", but the new serializer is for "
              + newClass.getName());
    }
    if (type == null) {
      return TypeSerializerSchemaCompatibility.incompatible(
          "the class " + className + " of the state is not on the class path the snapshot was read with");
    }
    RecordHandles handles = RecordHandles.of(newClass);
    return members.resolve(
        RecordSerializer.componentNames(handles),
        RecordSerializer.componentTypes(handles),
        records.componentSerializers());
  }
}
