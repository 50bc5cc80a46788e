package io.spate.api.serialization;

import io.spate.api.annotation.Internal;
import java.util.Optional;

/**
 * The snapshot of an {@link OptionalSerializer}: the snapshot of the serializer of the contained
 * value.
 *
 * @param <E> the type of the contained value
 */
@Internal
public final class OptionalSerializerSnapshot<E>
    extends CompositeSerializerSnapshot<Optional<E>, OptionalSerializer<E>> {

  /** For reading; {@link #readSnapshot} fills it in. */
  public OptionalSerializerSnapshot() {
    super(OptionalSerializer.class);
  }

  /** The snapshot of {@code serializer}. */
  public OptionalSerializerSnapshot(OptionalSerializer<E> serializer) {
    super(OptionalSerializer.class, serializer);
  }

  @Override
  protected String[] nestedRoles() {
    return new String[] {"the value"};
  }

  @Override
  protected TypeSerializer<?>[] nestedSerializers(OptionalSerializer<E> serializer) {
    return new TypeSerializer<?>[] {serializer.getElementSerializer()};
  }

  @Override
  @SuppressWarnings("unchecked")
  protected OptionalSerializer<E> createSerializer(TypeSerializer<Object>[] nested) {
    return new OptionalSerializer<>((TypeSerializer<E>) nested[0]);
  }
}
