package io.spate.connectors.file;

import io.spate.api.typeinfo.FieldAccessor;
import io.spate.api.typeinfo.InvalidTypesException;
import io.spate.api.typeinfo.TypeInformation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * Encodes records as RFC 4180 CSV rows: the components of a Java record or the fields of a POJO in
 * declaration order (superclass fields first), or the value itself for a basic type. A value that
 * holds a comma, a quote or a line break is quoted, with quotes doubled; null is an empty field.
 *
 * @param <T> the record type
 */
public final class CsvRowEncoder<T> implements RowEncoder<T> {

  private static final long serialVersionUID = 1L;

  private final List<String> fieldNames;
  /** One accessor per column; null for a type without fields, whose value is the one column. */
  private final FieldAccessor<T, Object>[] accessors;

  private CsvRowEncoder(List<String> fieldNames, FieldAccessor<T, Object>[] accessors) {
    this.fieldNames = List.copyOf(fieldNames);
    this.accessors = accessors;
  }

  /** The encoder of values of {@code type}. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static <T> CsvRowEncoder<T> forType(TypeInformation<T> type) {
    Objects.requireNonNull(type, "type");
    Class<T> typeClass = type.getTypeClass();
    if (type.isBasicType() || typeClass.isEnum()) {
      return new CsvRowEncoder<>(List.of("value"), null);
    }
    List<String> names = fieldNamesInDeclarationOrder(typeClass);
    List<FieldAccessor<T, Object>> accessors = new ArrayList<>(names.size());
    for (String name : names) {
      try {
        accessors.add(type.fieldAccessor(name));
      } catch (InvalidTypesException e) {
        // Not a record or POJO whose every field is reachable: write the value as one column.
        accessors = null;
        break;
      }
    }
    if (accessors == null || accessors.isEmpty()) {
      return new CsvRowEncoder<>(List.of("value"), null);
    }
    return new CsvRowEncoder<>(names, accessors.toArray(new FieldAccessor[0]));
  }

  private static List<String> fieldNamesInDeclarationOrder(Class<?> type) {
    List<String> names = new ArrayList<>();
    if (type.isRecord()) {
      for (RecordComponent component : type.getRecordComponents()) {
        names.add(component.getName());
      }
      return names;
    }
    if (type.isArray() || type.isInterface() || type.isPrimitive()) {
      return names;
    }
    Deque<Class<?>> hierarchy = new ArrayDeque<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      hierarchy.push(c);
    }
    for (Class<?> c : hierarchy) {
      for (Field field : c.getDeclaredFields()) {
        int modifiers = field.getModifiers();
        if (!Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers) && !field.isSynthetic()) {
          names.add(field.getName());
        }
      }
    }
    return names;
  }

  /** The column names, in order: field names, or {@code value} for a type without fields. */
  public List<String> fieldNames() {
    return fieldNames;
  }

  /** The header row: the column names, quoted where needed. */
  public String header() {
    StringBuilder row = new StringBuilder();
    for (int i = 0; i < fieldNames.size(); i++) {
      if (i > 0) {
        row.append(',');
      }
      appendField(row, fieldNames.get(i));
    }
    return row.toString();
  }

  @Override
  public void encode(T record, StringBuilder row) {
    FieldAccessor<T, Object>[] fields = accessors;
    if (fields == null) {
      appendField(row, record);
      return;
    }
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        row.append(',');
      }
      appendField(row, record == null ? null : fields[i].get(record));
    }
  }

  /** Appends one field: empty for null, quoted if it holds a comma, quote, CR or LF. */
  static void appendField(StringBuilder row, Object value) {
    if (value == null) {
      return;
    }
    String text = value.toString();
    if (!needsQuotes(text)) {
      row.append(text);
      return;
    }
    row.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        row.append('"');
      }
      row.append(c);
    }
    row.append('"');
  }

  private static boolean needsQuotes(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "CsvRowEncoder" + fieldNames;
  }
}
