package io.spate.api.serialization;

import io.spate.api.annotation.Internal;
import io.spate.api.types.Either;

/**
 * The snapshot of an {@link EitherSerializer}: the snapshots of the left and the right serializer.
 *
 * @param <L> the type of a left value
 * @param <R> the type of a right value
 */
@Internal
public final class EitherSerializerSnapshot<L, R>
    extends CompositeSerializerSnapshot<Either<L, R>, EitherSerializer<L, R>> {

  /** For reading; {@link #readSnapshot} fills it in. */
  public EitherSerializerSnapshot() {
    super(EitherSerializer.class);
  }

  /** The snapshot of {@code serializer}. */
  public EitherSerializerSnapshot(EitherSerializer<L, R> serializer) {
    super(EitherSerializer.class, serializer);
  }

  @Override
  protected String[] nestedRoles() {
    return new String[] {"the left value", "the right value"};
  }

  @Override
  protected TypeSerializer<?>[] nestedSerializers(EitherSerializer<L, R> serializer) {
    return new TypeSerializer<?>[] {serializer.getLeftSerializer(), serializer.getRightSerializer()};
  }

  @Override
  @SuppressWarnings("unchecked")
  protected EitherSerializer<L, R> createSerializer(TypeSerializer<Object>[] nested) {
    return new EitherSerializer<>((TypeSerializer<L>) nested[0], (TypeSerializer<R>) nested[1]);
  }
}
