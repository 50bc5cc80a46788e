package io.spate.table.planner.codegen;

/**
 * A value in generated code: {@code value} is a local, field or constant of representation {@code rep},
 * and {@code isNull} a boolean Java expression that is true when the value is SQL's NULL (for
 * {@link JavaRep#OBJECT}, when it is null).
 */
record Term(String value, String isNull, JavaRep rep) {

  /** SQL's NULL, of no particular type. */
  static final Term NULL = new Term("null", "true", JavaRep.OBJECT);

  /** An object-valued local or field, null when it is NULL. */
  static Term object(String name) {
    return new Term(name, "(" + name + " == null)", JavaRep.OBJECT);
  }

  /** A value that is never NULL. */
  static Term notNull(String value, JavaRep rep) {
    return new Term(value, "false", rep);
  }

  /** The value as an {@code Object} (boxed into the class of its representation), null for NULL. */
  String boxed() {
    if (rep == JavaRep.OBJECT) {
      return value;
    }
    return isNull.equals("false") ? boxedNonNull() : "(" + isNull + " ? null : (Object) " + boxedNonNull() + ")";
  }

  /** The value as an {@code Object}, for code that runs only when it is not NULL. */
  String boxedNonNull() {
    return rep == JavaRep.OBJECT ? value : rep.boxType + ".valueOf(" + value + ")";
  }

  /** The value as a {@code long}, for code that runs only when it is not NULL: what {@code Number.longValue} gives. */
  String asLong() {
    return switch (rep) {
      case OBJECT -> "((Number) " + value + ").longValue()";
      case BOOLEAN -> throw new IllegalStateException("A boolean is not a number: " + value);
      default -> "((long) " + value + ")";
    };
  }

  /** The value as a {@code double}, for code that runs only when it is not NULL: what {@code Number.doubleValue} gives. */
  String asDouble() {
    return switch (rep) {
      case OBJECT -> "((Number) " + value + ").doubleValue()";
      case BOOLEAN -> throw new IllegalStateException("A boolean is not a number: " + value);
      default -> "((double) " + value + ")";
    };
  }

  /** The value as a {@code boolean}, for code that runs only when it is not NULL. */
  String asBoolean() {
    return rep == JavaRep.OBJECT ? "((Boolean) " + value + ").booleanValue()" : value;
  }

  /** The value converted to the numeric primitive {@code target} as {@code Numbers.convert} converts. */
  String asNumber(JavaRep target) {
    return switch (target) {
      case BYTE, SHORT, INT -> "((" + target.javaType + ") " + asLong() + ")";
      case LONG -> asLong();
      case FLOAT -> "((float) " + asDouble() + ")";
      case DOUBLE -> asDouble();
      default -> throw new IllegalStateException("Not a numeric representation: " + target);
    };
  }

  /** A boolean expression: whether the value is TRUE (not FALSE, not NULL). */
  String isTrue() {
    if (rep == JavaRep.OBJECT) {
      return "Boolean.TRUE.equals(" + value + ")";
    }
    return isNull.equals("false") ? value : "(!" + isNull + " && " + value + ")";
  }

  /** A boolean expression: whether the value is FALSE (not TRUE, not NULL). */
  String isFalse() {
    if (rep == JavaRep.OBJECT) {
      return "Boolean.FALSE.equals(" + value + ")";
    }
    return isNull.equals("false") ? "!" + value : "(!" + isNull + " && !" + value + ")";
  }
}
