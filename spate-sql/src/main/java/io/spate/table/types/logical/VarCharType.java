package io.spate.table.types.logical;

import io.spate.api.annotation.PublicEvolving;
import io.spate.table.api.ValidationException;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The SQL type {@code VARCHAR(n)}: a character string of at most n characters (default 1), {@link String} in Java.
 * {@code STRING} is {@code VARCHAR(2147483647)} and is printed so in summaries.
 */
@PublicEvolving
public final class VarCharType extends LogicalType {

  private static final long serialVersionUID = 1L;

  /** The smallest length a user may declare. */
  public static final int MIN_LENGTH = 1;

  /** The largest length: {@code Integer.MAX_VALUE}. */
  public static final int MAX_LENGTH = Integer.MAX_VALUE;

  /** The length of {@code VARCHAR} without one. */
  public static final int DEFAULT_LENGTH = 1;

  /** {@code STRING}: the nullable {@code VARCHAR} of the largest length. */
  public static final VarCharType STRING_TYPE = new VarCharType(MAX_LENGTH);

  /** The length of the empty literal {@code ''}, see {@link #ofEmptyLiteral()}. */
  public static final int EMPTY_LITERAL_LENGTH = 0;

  private static final String FORMAT = "VARCHAR(%d)";

  private static final Set<String> CONVERSIONS = Set.of("java.lang.String", "[B");

  private final int length;

  /**
   * The type of the given length, nullable or not.
   *
   * @throws ValidationException if the length is not between {@link #MIN_LENGTH} and {@link #MAX_LENGTH}
   */
  public VarCharType(boolean isNullable, int length) {
    this(isNullable, checkLength(length), true);
  }

  /** A type whose length was checked already, or is the empty literal's 0, which no user may declare. */
  private VarCharType(boolean isNullable, int length, boolean checked) {
    super(isNullable, LogicalTypeRoot.VARCHAR);
    this.length = length;
  }

  /**
   * The type of the empty string literal {@code ''}, of length 0, which Calcite derives and only the planner uses;
   * it has no type string.
   */
  public static VarCharType ofEmptyLiteral() {
    return new VarCharType(false, EMPTY_LITERAL_LENGTH, true);
  }

  /** The nullable type of the given length. */
  public VarCharType(int length) {
    this(true, length);
  }

  /** The nullable type of the default length, 1. */
  public VarCharType() {
    this(DEFAULT_LENGTH);
  }

  /** The declared length in characters. */
  public int getLength() {
    return length;
  }

  @Override
  public LogicalType copy(boolean isNullable) {
    return new VarCharType(isNullable, length, true);
  }

  private static int checkLength(int length) {
    if (length < MIN_LENGTH) {
      throw new ValidationException(
          "Character string length must be between " + MIN_LENGTH + " and " + MAX_LENGTH + " (both inclusive), got "
              + length + ".");
    }
    return length;
  }

  /**
   * The type string.
   *
   * @throws ValidationException for the empty literal's type, which has none
   */
  @Override
  public String asSerializableString() {
    if (length == EMPTY_LITERAL_LENGTH) {
      throw new ValidationException("The zero-length character string type of the literal '' has no type string.");
    }
    return withNullability(FORMAT, length);
  }

  @Override
  public String asSummaryString() {
    return length == MAX_LENGTH ? withNullability("STRING") : withNullability(FORMAT, length);
  }

  @Override
  public boolean supportsInputConversion(Class<?> clazz) {
    return isOneOf(clazz, CONVERSIONS);
  }

  @Override
  public boolean supportsOutputConversion(Class<?> clazz) {
    return isOneOf(clazz, CONVERSIONS);
  }

  @Override
  public Class<?> getDefaultConversion() {
    return String.class;
  }

  @Override
  public List<LogicalType> getChildren() {
    return List.of();
  }

  @Override
  public boolean equals(Object o) {
    return super.equals(o) && length == ((VarCharType) o).length;
  }

  @Override
  public int hashCode() {
    return Objects.hash(super.hashCode(), length);
  }
}
