package io.spate.table.runtime.keys;

import io.spate.api.annotation.Internal;
import io.spate.api.types.Row;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The key of rows by several fields (or none, or one that needs deep equality): immutable, with its
 * hash computed once, and equal to another key with equal fields in the same order.
 *
 * <p>Fields compare and hash as a {@link Row}'s do: by {@code equals}, except arrays, lists and maps,
 * which compare by content. The hash combines the fields' hashes in order
 * ({@code h = 31 * h + fieldHash}), which is the same in every JVM for SQL values.
 */
@Internal
public final class CompositeKey implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The key of no fields (a global aggregate or sort). */
  public static final CompositeKey EMPTY = new CompositeKey(new Object[0]);

  private final Object[] fields;
  private final int hash;

  /** The key of {@code fields}, which it takes over: the caller must not change the array afterwards. */
  public CompositeKey(Object[] fields) {
    this.fields = fields;
    int h = 0;
    for (Object field : fields) {
      h = 31 * h + hashOf(field);
    }
    this.hash = h;
  }

  /** The number of fields. */
  public int arity() {
    return fields.length;
  }

  /** The field at {@code pos}; null for a NULL field. */
  public Object get(int pos) {
    return fields[pos];
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof CompositeKey other) || other.hash != hash || other.fields.length != fields.length) {
      return false;
    }
    for (int i = 0; i < fields.length; i++) {
      if (!fieldsEqual(fields[i], other.fields[i])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "Key" + Arrays.deepToString(fields);
  }

  /** The hash of a field: as a one-field row hashes it where its own hash is not by content. */
  static int hashOf(Object field) {
    if (field == null) {
      return 0;
    }
    return needsDeep(field) ? wrap(field).hashCode() : field.hashCode();
  }

  private static boolean fieldsEqual(Object a, Object b) {
    if (a == b) {
      return true;
    }
    if (a == null || b == null) {
      return false;
    }
    return needsDeep(a) ? wrap(a).equals(wrap(b)) : a.equals(b);
  }

  /** Whether {@code field}'s own equality is not by content: arrays, and lists and maps that may hold arrays. */
  private static boolean needsDeep(Object field) {
    return field.getClass().isArray() || field instanceof List<?> || field instanceof Map<?, ?>;
  }

  private static Row wrap(Object field) {
    Row row = new Row(1);
    row.setField(0, field);
    return row;
  }
}
