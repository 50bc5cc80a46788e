package io.spate.api.serialization;

import io.spate.api.annotation.Internal;
import io.spate.api.types.Either;
import java.io.IOException;
import java.util.Objects;

/**
 * Serializes {@link Either} values as a byte saying which side, followed by that side's value.
 *
 * @param <L> the type of a left value
 * @param <R> the type of a right value
 */
@Internal
public final class EitherSerializer<L, R> extends TypeSerializer<Either<L, R>> {

  private static final long serialVersionUID = 1L;

  private static final int LEFT = 0;
  private static final int RIGHT = 1;

  private final TypeSerializer<L> leftSerializer;
  private final TypeSerializer<R> rightSerializer;

  /** Creates a serializer writing left values with {@code leftSerializer}, right ones with {@code rightSerializer}. */
  public EitherSerializer(TypeSerializer<L> leftSerializer, TypeSerializer<R> rightSerializer) {
    this.leftSerializer = Objects.requireNonNull(leftSerializer, "leftSerializer");
    this.rightSerializer = Objects.requireNonNull(rightSerializer, "rightSerializer");
  }

  /** The serializer of left values. */
  public TypeSerializer<L> getLeftSerializer() {
    return leftSerializer;
  }

  /** The serializer of right values. */
  public TypeSerializer<R> getRightSerializer() {
    return rightSerializer;
  }

  @Override
  public void serialize(Either<L, R> value, DataOutputView target) throws IOException {
    if (value == null) {
      throw new NullPointerException(
          "An Either value is null; an Either is a Left or a Right and cannot be null");
    }
    if (value.isLeft()) {
      target.writeByte(LEFT);
      leftSerializer.serialize(value.left(), target);
    } else {
      target.writeByte(RIGHT);
      rightSerializer.serialize(value.right(), target);
    }
  }

  @Override
  public Either<L, R> deserialize(DataInputView source) throws IOException {
    int side = source.readByte();
    return switch (side) {
      case LEFT -> Either.Left(leftSerializer.deserialize(source));
      case RIGHT -> Either.Right(rightSerializer.deserialize(source));
      default -> throw new IOException(
          "Corrupt input: an Either starts with " + side + ", which is neither " + LEFT
              + " (left) nor " + RIGHT + " (right)");
    };
  }

  @Override
  public Either<L, R> copy(Either<L, R> value) {
    if (value == null) {
      return null;
    }
    return value.isLeft()
        ? Either.Left(leftSerializer.copy(value.left()))
        : Either.Right(rightSerializer.copy(value.right()));
  }

  /** A right value holding the right serializer's new instance, as in Flink; null if that is null. */
  @Override
  public Either<L, R> createInstance() {
    R right = rightSerializer.createInstance();
    return right == null ? null : Either.Right(right);
  }

  @Override
  public TypeSerializer<Either<L, R>> duplicate() {
    TypeSerializer<L> left = leftSerializer.duplicate();
    TypeSerializer<R> right = rightSerializer.duplicate();
    return left == leftSerializer && right == rightSerializer ? this : new EitherSerializer<>(left, right);
  }

  @Override
  public TypeSerializerSnapshot<Either<L, R>> snapshotConfiguration() {
    return new EitherSerializerSnapshot<>(this);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EitherSerializer<?, ?> other
        && other.leftSerializer.equals(leftSerializer)
        && other.rightSerializer.equals(rightSerializer);
  }

  @Override
  public int hashCode() {
    return 31 * leftSerializer.hashCode() + rightSerializer.hashCode();
  }

  @Override
  public String toString() {
    return "EitherSerializer(" + leftSerializer + ", " + rightSerializer + ")";
  }
}
