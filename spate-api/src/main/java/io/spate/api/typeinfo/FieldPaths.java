package io.spate.api.typeinfo;

/**
 * Builds the field paths that error messages name: {@code order.items[].supplier}, with {@code []}
 * for an element of a list, array or optional and {@code {key}} / {@code {value}} for a map's keys
 * and values.
 */
final class FieldPaths {

  private FieldPaths() {}

  static String field(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  static String element(String path) {
    return path + "[]";
  }

  static String mapKey(String path) {
    return path + "{key}";
  }

  static String mapValue(String path) {
    return path + "{value}";
  }

  /** "type X" for the top level, "field 'p' of type X" inside another type. */
  static String subject(String path, String typeName) {
    return path.isEmpty() ? "type " + typeName : "field '" + path + "' of type " + typeName;
  }
}
