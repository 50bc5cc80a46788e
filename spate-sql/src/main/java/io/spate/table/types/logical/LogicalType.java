package io.spate.table.types.logical;

import io.spate.api.annotation.PublicEvolving;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A SQL type as the planner sees it: its root ({@code VARCHAR}), its parameters ({@code 10}) and whether it admits
 * NULL. Logical types are immutable values; two are equal when their root, parameters and nullability are, so
 * {@code INT} and {@code INT NOT NULL} differ. How a value of the type looks in Java is the business of
 * {@link io.spate.table.types.DataType}; the class a type maps to by default is {@link #getDefaultConversion()}.
 */
@PublicEvolving
public abstract class LogicalType implements Serializable {

  private static final long serialVersionUID = 1L;

  private final boolean isNullable;
  private final LogicalTypeRoot typeRoot;

  /** A type of the given root that admits NULL or not. */
  protected LogicalType(boolean isNullable, LogicalTypeRoot typeRoot) {
    this.isNullable = isNullable;
    this.typeRoot = Objects.requireNonNull(typeRoot, "typeRoot");
  }

  /** Whether a value of this type may be NULL. */
  public boolean isNullable() {
    return isNullable;
  }

  /** The root of this type, independent of its parameters and nullability. */
  public LogicalTypeRoot getTypeRoot() {
    return typeRoot;
  }

  /** Whether this type has the given root. */
  public boolean is(LogicalTypeRoot root) {
    return typeRoot == root;
  }

  /** Whether this type's root belongs to the given family. */
  public boolean is(LogicalTypeFamily family) {
    return typeRoot.getFamilies().contains(family);
  }

  /** This type with the given nullability and every parameter unchanged. */
  public abstract LogicalType copy(boolean isNullable);

  /** An equal copy of this type. */
  public final LogicalType copy() {
    return copy(isNullable);
  }

  /**
   * The full type string, which {@link io.spate.table.types.logical.utils.LogicalTypeParser#parse(String)} turns
   * back into an equal type, e.g. {@code VARCHAR(2147483647) NOT NULL} or {@code ROW<`a` INT, `b` BOOLEAN>}.
   */
  public abstract String asSerializableString();

  /**
   * The type as Flink prints it in DESCRIBE and EXPLAIN: shorter names where there are some ({@code STRING},
   * {@code BYTES}, {@code TIMESTAMP_LTZ(3)}) and time attributes marked ({@code TIMESTAMP(3) *ROWTIME*}).
   */
  public String asSummaryString() {
    return asSerializableString();
  }

  /** Whether a value of {@code clazz} can be handed to the engine as a value of this type. */
  public abstract boolean supportsInputConversion(Class<?> clazz);

  /** Whether the engine can hand out a value of this type as a value of {@code clazz}. */
  public abstract boolean supportsOutputConversion(Class<?> clazz);

  /** The Java class that represents a value of this type unless another is asked for. */
  public abstract Class<?> getDefaultConversion();

  /** The types nested in this one: the element of an ARRAY, the key and value of a MAP, the fields of a ROW. */
  public abstract List<LogicalType> getChildren();

  /** The {@linkplain #asSummaryString() summary string}. */
  @Override
  public String toString() {
    return asSummaryString();
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    LogicalType that = (LogicalType) o;
    return isNullable == that.isNullable && typeRoot == that.typeRoot;
  }

  @Override
  public int hashCode() {
    return Objects.hash(isNullable, typeRoot);
  }

  /** {@code format} filled with {@code parameters}, followed by {@code " NOT NULL"} when this type has it. */
  protected String withNullability(String format, Object... parameters) {
    String text = parameters.length == 0 ? format : String.format(format, parameters);
    return isNullable ? text : text + " NOT NULL";
  }

  /** Whether {@code clazz} is one of {@code supported}, compared by name so that optional classes need no link. */
  static boolean isOneOf(Class<?> clazz, Set<String> supported) {
    return supported.contains(clazz.getName());
  }
}
