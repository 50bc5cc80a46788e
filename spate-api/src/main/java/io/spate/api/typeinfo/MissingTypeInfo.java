package io.spate.api.typeinfo;

import io.spate.api.annotation.Internal;
import io.spate.api.serialization.TypeSerializer;
import java.util.Objects;

/**
 * Stands for the output type of an operator that could not be derived from its function, for
 * example a lambda whose generic result type the Java compiler erased. Building the pipeline goes
 * on, so that {@code .returns(...)} can still supply the type; any use of this placeholder throws an
 * {@link InvalidTypesException} that says why and how to give the type.
 *
 * @param <T> the type that was not determined
 */
@Internal
public final class MissingTypeInfo<T> extends TypeInformation<T> {

  private static final long serialVersionUID = 1L;

  private static final String GENERAL_EXAMPLE =
      "`.returns(Types.LIST(Types.STRING))` or `.returns(new TypeHint<List<String>>(){})`";

  private final String operatorName;
  private final String reason;
  private final String returnsExample;

  /** Creates the placeholder for {@code operatorName}'s output, with the reason it is missing. */
  public MissingTypeInfo(String operatorName, String reason) {
    this(operatorName, reason, null);
  }

  /** As {@link #MissingTypeInfo(String, String)}, with an example of {@code .returns} that fits the reason. */
  MissingTypeInfo(String operatorName, String reason, String returnsExample) {
    this.operatorName = Objects.requireNonNull(operatorName, "operatorName");
    this.reason = Objects.requireNonNull(reason, "reason");
    this.returnsExample = returnsExample == null ? GENERAL_EXAMPLE : returnsExample;
  }

  /** The name of the operator whose output type is missing. */
  public String getOperatorName() {
    return operatorName;
  }

  /** Why the type could not be determined. */
  public String getReason() {
    return reason;
  }

  /**
   * An example of {@code .returns(...)} that fits the reason: {@code `.returns(Types.ROW(...))`} for
   * rows, a general one otherwise.
   */
  public String getReturnsExample() {
    return returnsExample;
  }

  /** The full message: which operator, why, and how to give the type explicitly. */
  public String describeProblem() {
    return "The return type of operator '" + operatorName + "' could not be determined"
        + " automatically, because " + reason + ". Give it explicitly, for example " + returnsExample + ".";
  }

  private InvalidTypesException problem() {
    return new InvalidTypesException(describeProblem());
  }

  @Override
  public Class<T> getTypeClass() {
    throw problem();
  }

  @Override
  public TypeSerializer<T> createSerializer() {
    throw problem();
  }

  @Override
  public int keyHash(T value) {
    throw problem();
  }

  @Override
  public void checkValidKey() {
    throw problem();
  }

  @Override
  public <F> FieldAccessor<T, F> fieldAccessor(String fieldExpression) {
    throw problem();
  }

  @Override
  public <F> FieldAccessor<T, F> fieldAccessor(int position) {
    throw problem();
  }

  @Override
  public boolean isBasicType() {
    throw problem();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MissingTypeInfo<?> other
        && other.operatorName.equals(operatorName)
        && other.reason.equals(reason);
  }

  @Override
  public int hashCode() {
    return 31 * operatorName.hashCode() + reason.hashCode();
  }

  @Override
  public String toString() {
    return "MissingTypeInfo(" + operatorName + ": " + reason + ")";
  }
}
