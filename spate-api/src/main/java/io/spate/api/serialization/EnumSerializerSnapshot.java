package io.spate.api.serialization;

import io.spate.api.annotation.Internal;
import java.io.IOException;
import java.lang.reflect.Array;
import java.util.Arrays;

/**
 * The snapshot of an {@link EnumSerializer}: the enum's class name and its constants' names in
 * ordinal order. State stays readable when constants are added, removed or reordered: the restored
 * serializer maps the old ordinals to the current constants by name, and fails on reading a constant
 * that no longer exists.
 *
 * @param <E> the enum type
 */
@Internal
public final class EnumSerializerSnapshot<E extends Enum<E>> implements TypeSerializerSnapshot<E> {

  private String enumClassName;
  private String[] constantNames;
  private Class<?> enumClass;

  /** For reading; {@link #readSnapshot} fills it in. */
  public EnumSerializerSnapshot() {}

  /** The snapshot of {@code serializer}. */
  public EnumSerializerSnapshot(EnumSerializer<E> serializer) {
    this.enumClass = serializer.getEnumClass();
    this.enumClassName = enumClass.getName();
    this.constantNames = namesOf(serializer.getEnumClass());
  }

  private static String[] namesOf(Class<?> enumClass) {
    Object[] constants = enumClass.getEnumConstants();
    String[] names = new String[constants.length];
    for (int i = 0; i < names.length; i++) {
      names[i] = ((Enum<?>) constants[i]).name();
    }
    return names;
  }

  @Override
  public int getCurrentVersion() {
    return 1;
  }

  @Override
  public void writeSnapshot(DataOutputView out) throws IOException {
    out.writeUTF(enumClassName);
    out.writeVarInt(constantNames.length);
    for (String name : constantNames) {
      out.writeUTF(name);
    }
  }

  @Override
  public void readSnapshot(int readVersion, DataInputView in, ClassLoader userClassLoader) throws IOException {
    if (readVersion != 1) {
      throw new IOException("Unknown version " + readVersion + " of an enum serializer snapshot");
    }
    String reading = "the enum class name";
    try {
      enumClassName = in.readUTF();
      reading = "the number of constants of " + enumClassName;
      constantNames = new String[TypeSerializer.readLength(in)];
      for (int i = 0; i < constantNames.length; i++) {
        reading = "constant " + i + " of " + enumClassName;
        constantNames[i] = in.readUTF();
      }
    } catch (IOException e) {
      throw new IOException(
          "Corrupt enum serializer snapshot: cannot read " + reading + ": " + e.getMessage(), e);
    }
    enumClass = UserClasses.loadOrNull(enumClassName, userClassLoader);
  }

  @Override
  @SuppressWarnings("unchecked")
  public TypeSerializer<E> restoreSerializer() {
    Class<E> current = (Class<E>) currentEnumClass();
    E[] constants = current.getEnumConstants();
    if (isPrefixOf(namesOf(current))) {
      return new EnumSerializer<>(current);
    }
    E[] byOldOrdinal = (E[]) Array.newInstance(current, constantNames.length);
    for (int i = 0; i < constantNames.length; i++) {
      for (E constant : constants) {
        if (constant.name().equals(constantNames[i])) {
          byOldOrdinal[i] = constant;
        }
      }
    }
    return new RestoredEnumSerializer<>(current, byOldOrdinal, constantNames);
  }

  private Class<?> currentEnumClass() {
    if (enumClass == null) {
      throw new IllegalStateException(
          "Cannot restore the serializer of the enum " + enumClassName
              + ": the class is not on the class path");
    }
    if (!enumClass.isEnum()) {
      throw new IllegalStateException(
          "Cannot restore the serializer of " + enumClassName + ": it was an enum when the state was"
              + " written and is now " + UserClasses.describeKind(enumClass));
    }
    return enumClass;
  }

  /** Whether the old constants are the first ones of {@code currentNames}, so old ordinals still hold. */
  private boolean isPrefixOf(String[] currentNames) {
    return currentNames.length >= constantNames.length
        && Arrays.equals(constantNames, 0, constantNames.length, currentNames, 0, constantNames.length);
  }

  @Override
  public TypeSerializerSchemaCompatibility<E> resolveSchemaCompatibility(TypeSerializer<E> newSerializer) {
    if (!(newSerializer instanceof EnumSerializer<E> enums)) {
      return TypeSerializerSchemaCompatibility.incompatible(
          "the serializer changed from the EnumSerializer of " + enumClassName + " to " + newSerializer);
    }
    String newName = enums.getEnumClass().getName();
    if (!newName.equals(enumClassName)) {
      return TypeSerializerSchemaCompatibility.incompatible(
          "the enum changed from " + enumClassName + " to " + newName);
    }
    return isPrefixOf(namesOf(enums.getEnumClass()))
        ? TypeSerializerSchemaCompatibility.compatibleAsIs()
        : TypeSerializerSchemaCompatibility.compatibleAfterMigration();
  }
}
