package io.spate.api.typeinfo;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.serialization.EitherSerializer;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.types.Either;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Type information of {@link Either} values with the given left and right types. As in Flink, an
 * Either is not a valid key and has no fields.
 *
 * @param <L> the type of a left value
 * @param <R> the type of a right value
 */
@PublicEvolving
public final class EitherTypeInfo<L, R> extends TypeInformation<Either<L, R>> {

  private static final long serialVersionUID = 1L;

  private final TypeInformation<L> leftType;
  private final TypeInformation<R> rightType;

  /** The type information of Eithers of {@code leftType} and {@code rightType}. */
  public EitherTypeInfo(TypeInformation<L> leftType, TypeInformation<R> rightType) {
    this.leftType = Objects.requireNonNull(leftType, "leftType");
    this.rightType = Objects.requireNonNull(rightType, "rightType");
  }

  /** The type of left values. */
  public TypeInformation<L> getLeftType() {
    return leftType;
  }

  /** The type of right values. */
  public TypeInformation<R> getRightType() {
    return rightType;
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Class<Either<L, R>> getTypeClass() {
    return (Class) Either.class;
  }

  @Override
  public TypeSerializer<Either<L, R>> createSerializer() {
    return new EitherSerializer<>(leftType.createSerializer(), rightType.createSerializer());
  }

  /** The side's value's key hash, distinct for the two sides; only reached if a caller skipped {@link #checkValidKey}. */
  @Override
  public int keyHash(Either<L, R> value) {
    return value.isLeft() ? 31 * leftType.keyHash(value.left()) : 31 * rightType.keyHash(value.right()) + 1;
  }

  /** Always throws: as in Flink, an Either cannot be a key. */
  @Override
  public void checkValidKey() {
    checkValidKey("");
  }

  @Override
  protected void checkValidKey(String fieldPath) {
    throw new InvalidTypesException(
        FieldPaths.subject(fieldPath, toString()) + " cannot be a key: an Either is not a key type"
            + " (as in Flink). Key by the side's value instead, for example with a KeySelector that"
            + " returns a String for both sides");
  }

  @Override
  public <F> FieldAccessor<Either<L, R>, F> fieldAccessor(String fieldExpression) {
    throw noFields("the field '" + fieldExpression + "'");
  }

  @Override
  public <F> FieldAccessor<Either<L, R>, F> fieldAccessor(int position) {
    throw noFields("position " + position);
  }

  private InvalidTypesException noFields(String what) {
    return new InvalidTypesException(
        "Type " + this + " has no fields, so it has no " + what + "; map it to a record or tuple first");
  }

  /** False: as in Flink, an Either is not a key type. */
  @Override
  public boolean isKeyType() {
    return false;
  }

  @Override
  public boolean isBasicType() {
    return false;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EitherTypeInfo<?, ?> other
        && other.leftType.equals(leftType)
        && other.rightType.equals(rightType);
  }

  @Override
  public int hashCode() {
    return 17 * leftType.hashCode() + rightType.hashCode();
  }

  /** As Flink prints it: {@code Either <String, Integer>}. */
  @Override
  public String toString() {
    return "Either <" + leftType + ", " + rightType + ">";
  }

  /** The left and right types by the names of {@code Either}'s type parameters, {@code L} and {@code R}. */
  @Override
  public Map<String, TypeInformation<?>> getGenericParameters() {
    Map<String, TypeInformation<?>> parameters = new LinkedHashMap<>();
    parameters.put("L", leftType);
    parameters.put("R", rightType);
    return parameters;
  }
}
