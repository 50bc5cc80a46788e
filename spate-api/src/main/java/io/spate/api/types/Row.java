package io.spate.api.types;

import io.spate.api.annotation.PublicEvolving;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A row of fields of any type, with the {@link RowKind} of change it describes: the record type of
 * Spate SQL and the Table API, and a flexible record type for DataStream programs (give its type
 * with {@code Types.ROW(...)} or {@code Types.ROW_NAMED(...)}).
 *
 * <p>A row works in one of three modes:
 *
 * <ul>
 *   <li><b>position-based</b> ({@link #withPositions(int)}, {@link #of}, {@code new Row(arity)}): a
 *       fixed number of fields read and written by position, all null at first;
 *   <li><b>name-based</b> ({@link #withNames()}): fields read and written by name, each created by
 *       its first {@link #setField(String, Object)}; the type of the stream gives them their order
 *       when the row is serialized;
 *   <li><b>named positions</b>: the rows Spate produces from a type with field names (those read
 *       back by the serializer, or copied by it) can be read both by position and by name.
 * </ul>
 *
 * <p>{@link #equals} and {@link #hashCode} compare the kind and the fields, deeply: arrays, lists,
 * maps and nested rows by content. A row with positions equals another with positions field by
 * field (names aside); a name-based row equals another name-based one, or one with named positions,
 * name by name.
 */
@PublicEvolving
public final class Row implements Serializable {

  private static final long serialVersionUID = 1L;

  private RowKind kind;
  /** The fields by position; null in name-based mode. */
  private final Object[] fieldByPosition;
  /**
   * Name-based rows (no positions): the fields by name, in the order they were first set. Rows with
   * positions: the position of each name if they have named positions (never modified), else null.
   * One field for both keeps a row at 24 bytes rather than 32: SQL makes and keeps rows by the million.
   */
  // Set once more, by withPositionNames, on a row with positions that had no names.
  private LinkedHashMap<String, ?> names;

  Row(
      RowKind kind,
      Object[] fieldByPosition,
      LinkedHashMap<String, Object> fieldByName,
      LinkedHashMap<String, Integer> positionByName) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.fieldByPosition = fieldByPosition;
    this.names = fieldByPosition == null ? Objects.requireNonNull(fieldByName, "fieldByName") : positionByName;
  }

  /**
   * A position-based row of {@code arity} null fields, of the given kind.
   *
   * @throws IllegalArgumentException if {@code arity} is negative
   */
  public Row(RowKind kind, int arity) {
    this(kind, new Object[checkArity(arity)], null, null);
  }

  /**
   * A position-based {@link RowKind#INSERT} row of {@code arity} null fields.
   *
   * @throws IllegalArgumentException if {@code arity} is negative
   */
  public Row(int arity) {
    this(RowKind.INSERT, arity);
  }

  private static int checkArity(int arity) {
    if (arity < 0) {
      throw new IllegalArgumentException("The arity of a row must not be negative, but was " + arity);
    }
    return arity;
  }

  // Factories.

  /** A position-based row of {@code arity} null fields, of the given kind. */
  public static Row withPositions(RowKind kind, int arity) {
    return new Row(kind, arity);
  }

  /** A position-based {@link RowKind#INSERT} row of {@code arity} null fields. */
  public static Row withPositions(int arity) {
    return new Row(RowKind.INSERT, arity);
  }

  /** An empty name-based row of the given kind, whose fields are created as they are set. */
  public static Row withNames(RowKind kind) {
    return new Row(kind, null, new LinkedHashMap<>(), null);
  }

  /** An empty name-based {@link RowKind#INSERT} row, whose fields are created as they are set. */
  public static Row withNames() {
    return withNames(RowKind.INSERT);
  }

  /** A position-based {@link RowKind#INSERT} row holding {@code values} in order. */
  public static Row of(Object... values) {
    return ofKind(RowKind.INSERT, values);
  }

  /** A position-based row of the given kind holding {@code values} in order. */
  public static Row ofKind(RowKind kind, Object... values) {
    return new Row(kind, values.clone(), null, null);
  }

  /**
   * A new row with the kind, mode and fields of {@code row}; the field values themselves are shared,
   * not copied (a serializer's {@code copy} copies deeply).
   */
  public static Row copy(Row row) {
    return new Row(
        row.kind,
        row.fieldByPosition == null ? null : row.fieldByPosition.clone(),
        row.fieldByName() == null ? null : new LinkedHashMap<>(row.fieldByName()),
        row.positionByName());
  }

  /**
   * A position-based row of the kind of {@code row} holding its fields at {@code fieldPositions}, in
   * that order; the values are shared, not copied.
   *
   * @throws IllegalArgumentException if {@code row} is name-based
   * @throws IndexOutOfBoundsException if a position is out of range
   */
  public static Row project(Row row, int[] fieldPositions) {
    Row projected = withPositions(row.kind, fieldPositions.length);
    for (int i = 0; i < fieldPositions.length; i++) {
      projected.fieldByPosition[i] = row.getField(fieldPositions[i]);
    }
    return projected;
  }

  /**
   * A name-based row of the kind of {@code row} holding its fields named {@code fieldNames}, in that
   * order; the values are shared, not copied.
   *
   * @throws IllegalArgumentException if {@code row} is position-based, or has named positions and
   *     lacks one of the names
   */
  public static Row project(Row row, String[] fieldNames) {
    Row projected = withNames(row.kind);
    for (String name : fieldNames) {
      projected.fieldByName().put(name, row.getField(name));
    }
    return projected;
  }

  /**
   * A position-based row holding the fields of {@code first} followed by those of each of {@code
   * remainingRows}, with the kind of {@code first}; the values are shared, not copied.
   *
   * @throws IllegalArgumentException if one of the rows is name-based
   */
  public static Row join(Row first, Row... remainingRows) {
    int arity = first.positionsFor("join").length;
    for (Row row : remainingRows) {
      arity += row.positionsFor("join").length;
    }
    Object[] fields = new Object[arity];
    int at = 0;
    for (Row row : prepend(first, remainingRows)) {
      System.arraycopy(row.fieldByPosition, 0, fields, at, row.fieldByPosition.length);
      at += row.fieldByPosition.length;
    }
    return new Row(first.kind, fields, null, null);
  }

  private static Row[] prepend(Row first, Row[] rest) {
    Row[] all = new Row[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  // Kind and shape.

  /** The kind of change this row describes; {@link RowKind#INSERT} unless set otherwise. */
  public RowKind getKind() {
    return kind;
  }

  /** Sets the kind of change this row describes. */
  public void setKind(RowKind kind) {
    this.kind = Objects.requireNonNull(kind, "A row's kind must not be null");
  }

  /** The number of fields: fixed for rows with positions, the number of names set so far otherwise. */
  public int getArity() {
    return fieldByPosition != null ? fieldByPosition.length : fieldByName().size();
  }

  /**
   * The names of the fields, in order: those set so far for a name-based row, the names of the
   * positions for a row with named positions if {@code includeNamedPositions}; otherwise null.
   */
  public Set<String> getFieldNames(boolean includeNamedPositions) {
    if (fieldByName() != null) {
      return Collections.unmodifiableSet(fieldByName().keySet());
    }
    if (includeNamedPositions && positionByName() != null) {
      return Collections.unmodifiableSet(positionByName().keySet());
    }
    return null;
  }

  /** The fields by name of a name-based row; null for a row with positions. */
  @SuppressWarnings("unchecked")
  private LinkedHashMap<String, Object> fieldByName() {
    return fieldByPosition == null ? (LinkedHashMap<String, Object>) names : null;
  }

  /** The position of each name of a row with named positions; null for other rows. */
  @SuppressWarnings("unchecked")
  private LinkedHashMap<String, Integer> positionByName() {
    return fieldByPosition == null ? null : (LinkedHashMap<String, Integer>) names;
  }

  // Fields by position.

  /**
   * The field at {@code pos}, which may be null.
   *
   * @throws IllegalArgumentException if this row is name-based
   * @throws IndexOutOfBoundsException naming the arity, if {@code pos} is out of range
   */
  public Object getField(int pos) {
    Object[] fields = fieldByPosition;
    if (fields != null && pos >= 0 && pos < fields.length) {
      return fields[pos];
    }
    // The messages are built only here: every record passes the fast path above, which must not allocate.
    return positionsFor("read field " + pos + " by position")[checkPosition(pos)];
  }

  /** The field at {@code pos}, cast to the type the caller expects; see {@link #getField(int)}. */
  @SuppressWarnings("unchecked")
  public <T> T getFieldAs(int pos) {
    return (T) getField(pos);
  }

  /**
   * Sets the field at {@code pos} to {@code value}, which may be null.
   *
   * @throws IllegalArgumentException if this row is name-based
   * @throws IndexOutOfBoundsException naming the arity, if {@code pos} is out of range
   */
  public void setField(int pos, Object value) {
    Object[] fields = fieldByPosition;
    if (fields != null && pos >= 0 && pos < fields.length) {
      fields[pos] = value;
      return;
    }
    positionsFor("set field " + pos + " by position")[checkPosition(pos)] = value;
  }

  /**
   * This row with its positions answering to names: this very row if it had no names (or these), else
   * a row of this kind over this row's own field array (shared, not copied).
   */
  Row withPositionNames(LinkedHashMap<String, Integer> positionByName) {
    Object[] fields = positionsFor("name its positions");
    if (names == null || names == positionByName) {
      names = positionByName;
      return this;
    }
    return new Row(kind, fields, null, positionByName);
  }

  private Object[] positionsFor(String action) {
    if (fieldByPosition == null) {
      throw new IllegalArgumentException(
          "Cannot " + action + ": the row is name-based (fields " + fieldByName().keySet() + "), so its"
              + " fields are reached by name; create it with Row.withPositions(int) or Row.of(...) to"
              + " use positions");
    }
    return fieldByPosition;
  }

  private int checkPosition(int pos) {
    if (pos < 0 || pos >= fieldByPosition.length) {
      throw new IndexOutOfBoundsException(
          "Field position " + pos + " is out of range: the row is " + modeName() + " with arity "
              + fieldByPosition.length
              + (fieldByPosition.length == 0 ? " (no fields)" : " (positions 0 to " + (fieldByPosition.length - 1) + ")"));
    }
    return pos;
  }

  // Fields by name.

  /**
   * The field called {@code name}, which may be null; for a name-based row, null also when no field
   * of that name was set.
   *
   * @throws IllegalArgumentException if this row is position-based, or has named positions without
   *     that name
   */
  public Object getField(String name) {
    if (fieldByName() != null) {
      return fieldByName().get(name);
    }
    return fieldByPosition[positionOf(name, "read")];
  }

  /** The field called {@code name}, cast to the type the caller expects; see {@link #getField(String)}. */
  @SuppressWarnings("unchecked")
  public <T> T getFieldAs(String name) {
    return (T) getField(name);
  }

  /**
   * Sets the field called {@code name} to {@code value}, which may be null; a name-based row gains
   * the field if it had none of that name.
   *
   * @throws IllegalArgumentException if this row is position-based, or has named positions without
   *     that name
   */
  public void setField(String name, Object value) {
    if (fieldByName() != null) {
      fieldByName().put(Objects.requireNonNull(name, "A field name must not be null"), value);
      return;
    }
    fieldByPosition[positionOf(name, "set")] = value;
  }

  private int positionOf(String name, String action) {
    if (positionByName() == null) {
      throw new IllegalArgumentException(
          "Cannot " + action + " field '" + name + "' by name: the row is position-based with arity "
              + fieldByPosition.length + ", so its fields are reached by position; create it with"
              + " Row.withNames() to use names");
    }
    Integer pos = positionByName().get(name);
    if (pos == null) {
      throw new IllegalArgumentException(
          "Cannot " + action + " field '" + name + "': the row has named positions with arity "
              + fieldByPosition.length + " and no field of that name; its fields are "
              + positionByName().keySet());
    }
    return pos;
  }

  /** Sets every field to null; a name-based row keeps no field at all. */
  public void clear() {
    if (fieldByPosition != null) {
      Arrays.fill(fieldByPosition, null);
    } else {
      fieldByName().clear();
    }
  }

  private String modeName() {
    if (fieldByPosition == null) {
      return "name-based";
    }
    return positionByName() == null ? "position-based" : "of named positions";
  }

  // Values.

  /**
   * The kind's short form followed by the fields, deeply (arrays, lists, maps and nested rows by
   * content): {@code +I[1, a, null]} for a row with positions, {@code +I{id=1, name=a}} for a
   * name-based row.
   */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(kind.shortString());
    if (fieldByPosition != null) {
      DeepValues.appendDeep(text, fieldByPosition);
    } else {
      DeepValues.appendDeep(text, fieldByName());
    }
    return text.toString();
  }

  /**
   * Whether {@code o} is a row of the same kind with deeply equal fields: by position when both
   * rows have positions, by name when one or both are name-based.
   */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Row other) || other.kind != kind) {
      return false;
    }
    if (fieldByPosition != null && other.fieldByPosition != null) {
      return DeepValues.deepEquals(fieldByPosition, other.fieldByPosition);
    }
    if (fieldByName() != null && other.fieldByName() != null) {
      return DeepValues.mapsEqual(fieldByName(), other.fieldByName());
    }
    Row named = fieldByName() != null ? this : other;
    Row positioned = named == this ? other : this;
    return positioned.positionByName() != null
        && positioned.positionByName().keySet().equals(named.fieldByName().keySet())
        && positioned.namedFieldsEqual(named.fieldByName());
  }

  private boolean namedFieldsEqual(Map<String, Object> byName) {
    for (Map.Entry<String, Integer> position : positionByName().entrySet()) {
      if (!DeepValues.deepEquals(fieldByPosition[position.getValue()], byName.get(position.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /**
   * A hash of the kind (by its byte, so it is the same in every JVM) and the fields' deep hashes.
   * The fields are combined regardless of order, because a row with named positions can equal both a
   * row compared by position and a name-based row whose names come in another order.
   */
  @Override
  public int hashCode() {
    int fields = 0;
    if (fieldByPosition != null) {
      for (Object field : fieldByPosition) {
        fields += mix(DeepValues.deepHashCode(field));
      }
    } else {
      for (Object field : fieldByName().values()) {
        fields += mix(DeepValues.deepHashCode(field));
      }
    }
    return 31 * kind.toByteValue() + fields;
  }

  /** Spreads the bits of a field's hash, so that a sum of several stays well distributed. */
  private static int mix(int hash) {
    int h = hash * 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
