package io.spate.api.serialization;

import io.spate.api.annotation.PublicEvolving;
import java.io.IOException;

/**
 * Base of the snapshots of serializers built from nested serializers (lists, maps, optionals,
 * arrays): it stores the nested snapshots, restores the outer serializer around the restored nested
 * ones, and combines the nested compatibilities (any incompatible makes it incompatible, any
 * migration makes it need migration).
 *
 * @param <T> the serialized type
 * @param <S> the class of the outer serializer
 */
@PublicEvolving
public abstract class CompositeSerializerSnapshot<T, S extends TypeSerializer<T>>
    implements TypeSerializerSnapshot<T> {

  private final Class<?> serializerClass;
  private TypeSerializerSnapshot<Object>[] nested;

  /** For reading; {@link #readSnapshot} fills it in. */
  protected CompositeSerializerSnapshot(Class<?> serializerClass) {
    this.serializerClass = serializerClass;
  }

  /** The snapshot of {@code serializer}. */
  protected CompositeSerializerSnapshot(Class<?> serializerClass, S serializer) {
    this.serializerClass = serializerClass;
    this.nested = NestedSnapshots.of(nestedSerializers(serializer));
  }

  /** What each nested serializer is for, as error messages name it ("the element", "the key"...). */
  protected abstract String[] nestedRoles();

  /** The nested serializers of {@code serializer}, in the order of {@link #nestedRoles}. */
  protected abstract TypeSerializer<?>[] nestedSerializers(S serializer);

  /** The outer serializer around {@code nested}. */
  protected abstract S createSerializer(TypeSerializer<Object>[] nested);

  /** Writes what the outer serializer needs besides its nested serializers. */
  protected void writeOuterSnapshot(DataOutputView out) throws IOException {}

  /** Reads what {@link #writeOuterSnapshot} wrote. */
  protected void readOuterSnapshot(DataInputView in, ClassLoader userClassLoader) throws IOException {}

  /** Why {@code newSerializer} cannot read the old bytes whatever its nested serializers say, or null. */
  protected String outerIncompatibility(S newSerializer) {
    return null;
  }

  @Override
  public int getCurrentVersion() {
    return 1;
  }

  @Override
  public final void writeSnapshot(DataOutputView out) throws IOException {
    writeOuterSnapshot(out);
    for (TypeSerializerSnapshot<Object> snapshot : nested) {
      TypeSerializerSnapshot.writeVersionedSnapshot(out, snapshot);
    }
  }

  @Override
  public final void readSnapshot(int readVersion, DataInputView in, ClassLoader userClassLoader)
      throws IOException {
    if (readVersion != 1) {
      throw new IOException(
          "Unknown version " + readVersion + " of the serializer snapshot " + getClass().getName());
    }
    readOuterSnapshot(in, userClassLoader);
    String[] roles = nestedRoles();
    nested = NestedSnapshots.newArray(roles.length);
    for (int i = 0; i < roles.length; i++) {
      nested[i] = NestedSnapshots.read(in, userClassLoader, roles[i] + " of a " + serializerClass.getSimpleName());
    }
  }

  @Override
  public final TypeSerializer<T> restoreSerializer() {
    return createSerializer(NestedSnapshots.restore(nested));
  }

  @Override
  @SuppressWarnings("unchecked")
  public final TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(
      TypeSerializer<T> newSerializer) {
    if (!serializerClass.isInstance(newSerializer)) {
      return TypeSerializerSchemaCompatibility.incompatible(
          "the serializer changed from a " + serializerClass.getSimpleName() + " to " + newSerializer);
    }
    S outer = (S) newSerializer;
    String problem = outerIncompatibility(outer);
    if (problem != null) {
      return TypeSerializerSchemaCompatibility.incompatible(problem);
    }
    String[] roles = nestedRoles();
    String[] where = new String[roles.length];
    for (int i = 0; i < roles.length; i++) {
      where[i] = roles[i] + " of the " + serializerClass.getSimpleName();
    }
    return NestedSnapshots.resolve(nested, nestedSerializers(outer), where);
  }
}
