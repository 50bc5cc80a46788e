package io.spate.api.serialization;

import io.spate.api.annotation.Internal;
import java.util.List;

/**
 * The snapshot of a {@link ListSerializer}: the snapshot of its element serializer.
 *
 * @param <E> the element type
 */
@Internal
public final class ListSerializerSnapshot<E> extends CompositeSerializerSnapshot<List<E>, ListSerializer<E>> {

  /** For reading; {@link #readSnapshot} fills it in. */
  public ListSerializerSnapshot() {
    super(ListSerializer.class);
  }

  /** The snapshot of {@code serializer}. */
  public ListSerializerSnapshot(ListSerializer<E> serializer) {
    super(ListSerializer.class, serializer);
  }

  @Override
  protected String[] nestedRoles() {
    return new String[] {"the element"};
  }

  @Override
  protected TypeSerializer<?>[] nestedSerializers(ListSerializer<E> serializer) {
    return new TypeSerializer<?>[] {serializer.getElementSerializer()};
  }

  @Override
  @SuppressWarnings("unchecked")
  protected ListSerializer<E> createSerializer(TypeSerializer<Object>[] nested) {
    return new ListSerializer<>((TypeSerializer<E>) nested[0]);
  }
}
