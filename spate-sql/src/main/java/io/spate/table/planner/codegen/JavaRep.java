package io.spate.table.planner.codegen;

import io.spate.table.runtime.expr.ValueType.Kind;

/**
 * How generated code holds a value: in a primitive local (with a separate null flag) for booleans and
 * the numbers Java has primitives for, as an {@code Object} otherwise.
 */
enum JavaRep {
  BOOLEAN("boolean", "Boolean", "false"),
  BYTE("byte", "Byte", "(byte) 0"),
  SHORT("short", "Short", "(short) 0"),
  INT("int", "Integer", "0"),
  LONG("long", "Long", "0L"),
  FLOAT("float", "Float", "0.0f"),
  DOUBLE("double", "Double", "0.0d"),
  OBJECT("Object", "Object", "null");

  final String javaType;
  final String boxType;
  final String zero;

  JavaRep(String javaType, String boxType, String zero) {
    this.javaType = javaType;
    this.boxType = boxType;
    this.zero = zero;
  }

  /** The representation of values of {@code kind}, which carry the class the interpreter gives them. */
  static JavaRep of(Kind kind) {
    return switch (kind) {
      case BOOLEAN -> BOOLEAN;
      case TINYINT -> BYTE;
      case SMALLINT -> SHORT;
      case INT -> INT;
      case BIGINT -> LONG;
      case FLOAT -> FLOAT;
      case DOUBLE -> DOUBLE;
      default -> OBJECT;
    };
  }

  boolean isIntegral() {
    return this == BYTE || this == SHORT || this == INT || this == LONG;
  }

  boolean isNumeric() {
    return isIntegral() || this == FLOAT || this == DOUBLE;
  }
}
