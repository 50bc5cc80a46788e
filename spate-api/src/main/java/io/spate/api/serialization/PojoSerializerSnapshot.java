package io.spate.api.serialization;

import io.spate.api.annotation.Internal;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.List;

/**
 * The snapshot of a {@link PojoSerializer}: the POJO's class name and its fields in written order,
 * each with its name, declared type and the snapshot of its serializer.
 *
 * <p>The restored serializer reads the old layout into instances of the class as it is now: fields
 * that no longer exist are read and dropped, new fields keep what the no-arg constructor gave them.
 * A new serializer reads the old bytes as they are if the fields (names, order, serializers) are
 * unchanged, after migration if fields were added, removed or reordered or a field's serializer
 * needs migration, and not at all if a field kept its name but changed its type.
 *
 * @param <T> the POJO type
 */
@Internal
public final class PojoSerializerSnapshot<T> extends ClassLayoutSnapshot<T> {

  /** For reading; {@link #readSnapshot} fills it in. */
  public PojoSerializerSnapshot() {
    super("POJO", "field");
  }

  PojoSerializerSnapshot(Class<T> type, SnapshotFields members) {
    super("POJO", "field", type, members);
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalStateException if the class is no longer on the class path, is no longer a
   *     plain class (say, it became a record), or a field changed its type
   */
  @Override
  @SuppressWarnings("unchecked")
  public TypeSerializer<T> restoreSerializer() {
    String problem = classProblem();
    if (problem != null) {
      throw new IllegalStateException("Cannot restore the serializer of " + className + ": " + problem);
    }
    Class<T> current = (Class<T>) type;
    List<Field> currentFields = UserClasses.pojoFields(current);
    String[] currentNames = new String[currentFields.size()];
    Type[] currentTypes = new Type[currentNames.length];
    for (int i = 0; i < currentNames.length; i++) {
      currentNames[i] = currentFields.get(i).getName();
      currentTypes[i] = currentFields.get(i).getGenericType();
    }
    String change = members.typeChange(currentNames, currentTypes);
    if (change != null) {
      throw new IllegalStateException("Cannot restore the serializer of " + className + ": " + change);
    }
    TypeSerializer<Object>[] restored = members.restoreSerializers();
    PojoProperty[] currentProperties = new PojoProperty[currentNames.length];
    for (int i = 0; i < currentNames.length; i++) {
      currentProperties[i] = PojoProperty.ofField(current, currentFields.get(i));
    }
    if (members.sameNames(currentNames)) {
      // The layout is the same; nested serializers read their old layouts and write their new ones.
      return new PojoSerializer<>(current, currentProperties, restored);
    }
    PojoProperty[] targets = new PojoProperty[members.size()];
    boolean[] writtenPrimitive = new boolean[members.size()];
    for (int i = 0; i < targets.length; i++) {
      writtenPrimitive[i] = members.isPrimitive(i);
      for (int j = 0; j < currentNames.length; j++) {
        if (currentNames[j].equals(members.name(i))) {
          targets[i] = currentProperties[j];
        }
      }
    }
    PojoSerializer<T> currentForm = null;
    String currentFormProblem = null;
    try {
      currentForm = new PojoSerializer<>(
          current, currentProperties, members.currentSerializers(currentNames, currentTypes, restored));
    } catch (IllegalArgumentException e) {
      currentFormProblem = e.getMessage();
    }
    return new RestoredPojoSerializer<>(
        current, restored, writtenPrimitive, targets, currentForm, currentFormProblem);
  }

  private String classProblem() {
    if (type == null) {
      return "the class is not on the class path";
    }
    if (type.isRecord() || type.isEnum() || type.isInterface() || type.isArray()
        || type.isPrimitive() || Modifier.isAbstract(type.getModifiers())) {
      return "it was a POJO when the state was written and is now " + UserClasses.describeKind(type)
          + "; Spate cannot migrate state between kinds of class";
    }
    return null;
  }

  @Override
  public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(TypeSerializer<T> newSerializer) {
    if (!(newSerializer instanceof PojoSerializer<T> pojos)) {
      if (newSerializer instanceof RecordSerializer<?> records) {
        return TypeSerializerSchemaCompatibility.incompatible(
            className + " was a POJO when the state was written and is now a record ("
                + records.getRecordClass().getName() + "); Spate cannot migrate state between kinds"
                + " of class");
      }
      return TypeSerializerSchemaCompatibility.incompatible(
          "the serializer of " + className + " changed from a PojoSerializer to " + newSerializer);
    }
    String newName = pojos.getPojoClass().getName();
    if (!newName.equals(className)) {
      return TypeSerializerSchemaCompatibility.incompatible(
          "the state was written for the POJO " + className + ", but the new serializer is for "
              + newName);
    }
    if (type == null) {
      return TypeSerializerSchemaCompatibility.incompatible(
          "the class " + className + " of the state is not on the class path the snapshot was read with");
    }
    return members.resolve(pojos.propertyNames(), pojos.propertyTypes(), pojos.fieldSerializers());
  }
}
