package io.spate.api.serialization;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The fields of a POJO or the components of a record as a serializer snapshot stores them, in the
 * order they were written: name, declared type, whether primitive (written without a null marker),
 * and the nested serializer's snapshot. Decides how a class as it is now relates to them.
 */
final class SnapshotFields {

  /** "field" or "component", as messages call one member. */
  private final String member;
  private final String className;
  private final String[] names;
  private final String[] typeNames;
  private final boolean[] primitive;
  private final TypeSerializerSnapshot<Object>[] snapshots;

  private SnapshotFields(
      String member,
      String className,
      String[] names,
      String[] typeNames,
      boolean[] primitive,
      TypeSerializerSnapshot<Object>[] snapshots) {
    this.member = member;
    this.className = className;
    this.names = names;
    this.typeNames = typeNames;
    this.primitive = primitive;
    this.snapshots = snapshots;
  }

  /** The members of a serializer of {@code className} about to be snapshotted. */
  static SnapshotFields of(
      String member, String className, String[] names, Type[] types, TypeSerializer<?>[] serializers) {
    String[] typeNames = new String[types.length];
    boolean[] primitive = new boolean[types.length];
    for (int i = 0; i < types.length; i++) {
      typeNames[i] = types[i].getTypeName();
      primitive[i] = types[i] instanceof Class<?> c && c.isPrimitive();
    }
    return new SnapshotFields(
        member, className, names.clone(), typeNames, primitive, NestedSnapshots.of(serializers));
  }

  void write(DataOutputView out) throws IOException {
    out.writeVarInt(names.length);
    for (int i = 0; i < names.length; i++) {
      out.writeUTF(names[i]);
      out.writeUTF(typeNames[i]);
      out.writeBoolean(primitive[i]);
      TypeSerializerSnapshot.writeVersionedSnapshot(out, snapshots[i]);
    }
  }

  static SnapshotFields read(
      String member, String className, DataInputView in, ClassLoader userClassLoader)
      throws IOException {
    String reading = "the number of " + member + "s";
    try {
      int count = TypeSerializer.readLength(in);
      String[] names = new String[count];
      String[] typeNames = new String[count];
      boolean[] primitive = new boolean[count];
      TypeSerializerSnapshot<Object>[] snapshots = NestedSnapshots.newArray(count);
      for (int i = 0; i < count; i++) {
        reading = "the name of " + member + " " + i;
        names[i] = in.readUTF();
        reading = "the type of " + member + " '" + names[i] + "'";
        typeNames[i] = in.readUTF();
        primitive[i] = in.readBoolean();
        reading = "the serializer of " + member + " '" + names[i] + "'";
        snapshots[i] =
            NestedSnapshots.read(in, userClassLoader, member + " '" + names[i] + "' of " + className);
      }
      return new SnapshotFields(member, className, names, typeNames, primitive, snapshots);
    } catch (IOException e) {
      throw new IOException(
          "Corrupt serializer snapshot of " + className + ": cannot read " + reading + ": "
              + e.getMessage(),
          e);
    }
  }

  int size() {
    return names.length;
  }

  String name(int index) {
    return names[index];
  }

  boolean isPrimitive(int index) {
    return primitive[index];
  }

  int indexOf(String name) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** Whether {@code currentNames} are the written members in the written order. */
  boolean sameNames(String[] currentNames) {
    return Arrays.equals(names, currentNames);
  }

  /**
   * Why the members cannot be read into the current ones: a member that kept its name but changed
   * its type; null if there is none.
   */
  String typeChange(String[] currentNames, Type[] currentTypes) {
    for (int i = 0; i < currentNames.length; i++) {
      int old = indexOf(currentNames[i]);
      if (old >= 0 && !typeNames[old].equals(currentTypes[i].getTypeName())) {
        return member + " '" + currentNames[i] + "' of " + className + " changed type from "
            + typeNames[old] + " to " + currentTypes[i].getTypeName();
      }
    }
    return null;
  }

  /** The serializers restored from the nested snapshots, in written order. */
  TypeSerializer<Object>[] restoreSerializers() {
    return NestedSnapshots.restore(snapshots);
  }

  /**
   * The serializers that write the current members as a new serializer would: the restored one
   * where the member was written before, else one derived from the member's type.
   *
   * @throws IllegalArgumentException if a new member's type cannot be derived (say, a type variable)
   */
  TypeSerializer<?>[] currentSerializers(
      String[] currentNames, Type[] currentTypes, TypeSerializer<Object>[] restored) {
    TypeSerializer<?>[] serializers = new TypeSerializer<?>[currentNames.length];
    for (int i = 0; i < currentNames.length; i++) {
      int old = indexOf(currentNames[i]);
      if (old >= 0) {
        serializers[i] = restored[old];
      } else {
        try {
          serializers[i] = newMemberSerializers().createSerializer(currentTypes[i]);
        } catch (RuntimeException e) {
          throw new IllegalArgumentException(
              "Spate cannot derive a serializer for the new " + member + " '" + currentNames[i]
                  + "' of " + className + ": " + e.getMessage(),
              e);
        }
      }
    }
    return serializers;
  }

  /**
   * Whether serializers of the current members ({@code newNames}, {@code newTypes}, {@code
   * newSerializers}) read the written bytes as they are, after migration, or not at all.
   */
  <T> TypeSerializerSchemaCompatibility<T> resolve(
      String[] newNames, Type[] newTypes, TypeSerializer<?>[] newSerializers) {
    String change = typeChange(newNames, newTypes);
    if (change != null) {
      return TypeSerializerSchemaCompatibility.incompatible(change);
    }
    boolean migrate = !sameNames(newNames);
    for (int i = 0; i < newNames.length; i++) {
      int old = indexOf(newNames[i]);
      if (old < 0) {
        continue;
      }
      TypeSerializerSchemaCompatibility<Object> nested =
          snapshots[old].resolveSchemaCompatibility(SnapshotFields.<TypeSerializer<Object>>cast(newSerializers[i]));
      if (nested.isIncompatible()) {
        return TypeSerializerSchemaCompatibility.incompatible(
            member + " '" + newNames[i] + "' of " + className + ": " + nested.message());
      }
      migrate |= nested.isCompatibleAfterMigration() || nested.isCompatibleWithReconfiguredSerializer();
    }
    return migrate
        ? TypeSerializerSchemaCompatibility.compatibleAfterMigration()
        : TypeSerializerSchemaCompatibility.compatibleAsIs();
  }

  private static TypeSerializerFactory newMemberSerializers() {
    return Factory.FOUND.orElseThrow(() -> new IllegalStateException(
        "no " + TypeSerializerFactory.class.getName() + " is registered (META-INF/services); spate-api's"
            + " type system registers one, so its jar on the class path is incomplete"));
  }

  /** Looked up once, on first use; spate-api's type system provides it. */
  private static final class Factory {
    static final Optional<TypeSerializerFactory> FOUND =
        ServiceLoader.load(TypeSerializerFactory.class, TypeSerializerFactory.class.getClassLoader()).findFirst();
  }

  @SuppressWarnings("unchecked")
  private static <T> T cast(Object value) {
    return (T) value;
  }
}
