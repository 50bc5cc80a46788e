package io.spate.api.serialization;

import io.spate.api.annotation.Internal;
import java.io.IOException;

/**
 * The snapshot of an {@link ObjectArraySerializer}: the name of the component class and the
 * snapshot of the element serializer. The component class is loaded as it is now when the
 * serializer is restored.
 *
 * @param <E> the component type
 */
@Internal
public final class ObjectArraySerializerSnapshot<E>
    extends CompositeSerializerSnapshot<E[], ObjectArraySerializer<E>> {

  private String componentClassName;
  private ClassLoader userClassLoader;

  /** For reading; {@link #readSnapshot} fills it in. */
  public ObjectArraySerializerSnapshot() {
    super(ObjectArraySerializer.class);
  }

  /** The snapshot of {@code serializer}. */
  public ObjectArraySerializerSnapshot(ObjectArraySerializer<E> serializer) {
    super(ObjectArraySerializer.class, serializer);
    this.componentClassName = serializer.getComponentClass().getName();
    this.userClassLoader = serializer.getComponentClass().getClassLoader();
  }

  @Override
  protected String[] nestedRoles() {
    return new String[] {"the element"};
  }

  @Override
  protected TypeSerializer<?>[] nestedSerializers(ObjectArraySerializer<E> serializer) {
    return new TypeSerializer<?>[] {serializer.getElementSerializer()};
  }

  @Override
  protected void writeOuterSnapshot(DataOutputView out) throws IOException {
    out.writeUTF(componentClassName);
  }

  @Override
  protected void readOuterSnapshot(DataInputView in, ClassLoader userClassLoader) throws IOException {
    try {
      componentClassName = in.readUTF();
    } catch (IOException e) {
      throw new IOException(
          "Cannot read the component class name of an array serializer snapshot: " + e.getMessage(), e);
    }
    this.userClassLoader = userClassLoader;
  }

  @Override
  protected String outerIncompatibility(ObjectArraySerializer<E> newSerializer) {
    String newName = newSerializer.getComponentClass().getName();
    return newName.equals(componentClassName)
        ? null
        : "the array's component type changed from " + componentClassName + " to " + newName;
  }

  @Override
  @SuppressWarnings("unchecked")
  protected ObjectArraySerializer<E> createSerializer(TypeSerializer<Object>[] nested) {
    Class<E> componentClass;
    try {
      componentClass = (Class<E>) Class.forName(componentClassName, false, userClassLoader);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(
          "Cannot restore the serializer of " + componentClassName + "[]: the class "
              + componentClassName + " is not on the class path",
          e);
    }
    return new ObjectArraySerializer<>(componentClass, (TypeSerializer<E>) nested[0]);
  }
}
