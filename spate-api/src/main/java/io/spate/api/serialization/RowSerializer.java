package io.spate.api.serialization;

import io.spate.api.annotation.Internal;
import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import io.spate.api.types.RowUtils;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Serializes {@link Row}s: the row's kind as one byte, a mask with one bit per field set for null
 * fields, then the fields that are not null, in position order.
 *
 * <p>Rows are read back with named positions when the serializer knows the field names (as {@code
 * RowTypeInfo} creates it), so they answer both {@code getField(int)} and {@code getField(String)},
 * and position-based otherwise. A name-based row is written by its names, which must be among the
 * serializer's; the fields it lacks are written as null. {@link #copy} copies every field through its
 * serializer and keeps a name-based row name-based.
 */
@Internal
public final class RowSerializer extends TypeSerializer<Row> {

  private static final long serialVersionUID = 1L;

  private final TypeSerializer<Object>[] fieldSerializers;
  /** The position of each field name; null for a serializer without names. Never modified. */
  private final LinkedHashMap<String, Integer> positionByName;
  private final int maskBytes;

  /** A serializer of rows with one field per serializer, read back position-based. */
  public RowSerializer(TypeSerializer<?>[] fieldSerializers) {
    this(fieldSerializers, (LinkedHashMap<String, Integer>) null);
  }

  /**
   * A serializer of rows with one field per serializer, read back with named positions if {@code
   * fieldNames} (one per serializer, distinct) is not null.
   *
   * @throws IllegalArgumentException if the names do not match the serializers one to one
   */
  public RowSerializer(TypeSerializer<?>[] fieldSerializers, String[] fieldNames) {
    this(fieldSerializers, positions(fieldSerializers.length, fieldNames));
  }

  @SuppressWarnings("unchecked")
  private RowSerializer(TypeSerializer<?>[] fieldSerializers, LinkedHashMap<String, Integer> positionByName) {
    for (int i = 0; i < fieldSerializers.length; i++) {
      Objects.requireNonNull(fieldSerializers[i], "the serializer of row field " + i);
    }
    this.fieldSerializers = (TypeSerializer<Object>[]) fieldSerializers.clone();
    this.positionByName = positionByName;
    this.maskBytes = (fieldSerializers.length + 7) / 8;
  }

  private static LinkedHashMap<String, Integer> positions(int arity, String[] fieldNames) {
    if (fieldNames == null) {
      return null;
    }
    if (fieldNames.length != arity) {
      throw new IllegalArgumentException(
          fieldNames.length + " field names " + Arrays.toString(fieldNames) + " were given for a row"
              + " serializer of " + arity + " fields");
    }
    LinkedHashMap<String, Integer> positions = new LinkedHashMap<>();
    for (int i = 0; i < arity; i++) {
      String name = Objects.requireNonNull(fieldNames[i], "the name of row field " + i);
      if (positions.put(name, i) != null) {
        throw new IllegalArgumentException(
            "The field name '" + name + "' occurs twice in " + Arrays.toString(fieldNames));
      }
    }
    return positions;
  }

  @Override
  public void serialize(Row row, DataOutputView target) throws IOException {
    Set<String> names = row.getFieldNames(false);
    if (names != null) {
      write(row, namedFieldsInOrder(row, names), target);
      return;
    }
    if (row.getArity() != fieldSerializers.length) {
      throw new IOException(
          "A row of arity " + row.getArity() + " (" + row + ") reached the serializer of rows with "
              + fieldSerializers.length + " fields" + describeNames()
              + "; declare the stream's type with as many fields as its rows have");
    }
    write(row, null, target);
  }

  /**
   * Writes the kind, the null mask and the fields: {@code named}'s if given, else the row's own by
   * position. The row's fields are read twice rather than copied, so that no array is made per row.
   */
  private void write(Row row, Object[] named, DataOutputView target) throws IOException {
    int arity = fieldSerializers.length;
    target.writeByte(row.getKind().toByteValue());
    for (int b = 0; b < maskBytes; b++) {
      int bits = 0;
      for (int i = b * 8, end = Math.min(arity, b * 8 + 8); i < end; i++) {
        if ((named == null ? row.getField(i) : named[i]) == null) {
          bits |= 1 << (i - b * 8);
        }
      }
      target.writeByte(bits);
    }
    for (int i = 0; i < arity; i++) {
      Object field = named == null ? row.getField(i) : named[i];
      if (field != null) {
        fieldSerializers[i].serialize(field, target);
      }
    }
  }

  /** A name-based row's fields at the serializer's positions; the names it lacks stay null. */
  private Object[] namedFieldsInOrder(Row row, Set<String> names) {
    Object[] fields = new Object[fieldSerializers.length];
    for (String name : names) {
      fields[positionOfName(name, row)] = row.getField(name);
    }
    return fields;
  }

  private int positionOfName(String name, Row row) {
    if (positionByName == null) {
      throw new IllegalArgumentException(
          "The name-based row " + row + " reached a serializer of rows without field names, which"
              + " cannot tell the fields' positions; declare the stream's type with Types.ROW_NAMED");
    }
    Integer pos = positionByName.get(name);
    if (pos == null) {
      throw new IllegalArgumentException(
          "The name-based row " + row + " has a field '" + name + "' that its type does not have;"
              + " the type's fields are " + positionByName.keySet());
    }
    return pos;
  }

  private String describeNames() {
    return positionByName == null ? "" : " " + positionByName.keySet();
  }

  @Override
  public Row deserialize(DataInputView source) throws IOException {
    RowKind kind = readKind(source);
    Object[] fields = new Object[fieldSerializers.length];
    if (maskBytes <= 8) {
      long nulls = 0;
      for (int b = 0; b < maskBytes; b++) {
        nulls |= (long) source.readUnsignedByte() << (8 * b);
      }
      for (int i = 0; i < fields.length; i++) {
        if ((nulls & (1L << i)) == 0) {
          fields[i] = fieldSerializers[i].deserialize(source);
        }
      }
    } else {
      byte[] mask = new byte[maskBytes];
      source.readFully(mask);
      for (int i = 0; i < fields.length; i++) {
        if ((mask[i >>> 3] & (1 << (i & 7))) == 0) {
          fields[i] = fieldSerializers[i].deserialize(source);
        }
      }
    }
    return RowUtils.createRowWithNamedPositions(kind, fields, positionByName);
  }

  private static RowKind readKind(DataInputView source) throws IOException {
    byte value = source.readByte();
    try {
      return RowKind.fromByteValue(value);
    } catch (UnsupportedOperationException e) {
      throw new IOException("Corrupt row: " + e.getMessage(), e);
    }
  }

  /**
   * A deep copy: each field copied by its serializer. A row with positions becomes a row with the
   * serializer's named positions; a name-based row stays name-based.
   *
   * @throws IllegalArgumentException if the row's arity, or one of its names, does not fit the serializer
   */
  @Override
  public Row copy(Row row) {
    if (row == null) {
      return null;
    }
    Set<String> names = row.getFieldNames(false);
    if (names == null) {
      if (row.getArity() != fieldSerializers.length) {
        throw new IllegalArgumentException(
            "Cannot copy a row of arity " + row.getArity() + " (" + row + ") with the serializer of"
                + " rows with " + fieldSerializers.length + " fields" + describeNames());
      }
      Object[] fields = new Object[fieldSerializers.length];
      for (int i = 0; i < fields.length; i++) {
        fields[i] = NullMarkers.copy(row.getField(i), fieldSerializers[i]);
      }
      return RowUtils.createRowWithNamedPositions(row.getKind(), fields, positionByName);
    }
    Row copy = Row.withNames(row.getKind());
    for (String name : names) {
      copy.setField(name, NullMarkers.copy(row.getField(name), fieldSerializers[positionOfName(name, row)]));
    }
    return copy;
  }

  /** A new {@link RowKind#INSERT} row of null fields, with the serializer's named positions if it has names. */
  @Override
  public Row createInstance() {
    return RowUtils.createRowWithNamedPositions(RowKind.INSERT, new Object[fieldSerializers.length], positionByName);
  }

  /** The number of fields. */
  public int getArity() {
    return fieldSerializers.length;
  }

  /** The serializers of the fields, in position order. */
  public TypeSerializer<?>[] getFieldSerializers() {
    return fieldSerializers.clone();
  }

  TypeSerializer<Object>[] fieldSerializers() {
    return fieldSerializers;
  }

  /** The field names in position order, or null for a serializer without names. */
  public String[] getFieldNames() {
    return positionByName == null ? null : positionByName.keySet().toArray(new String[0]);
  }

  @Override
  public TypeSerializer<Row> duplicate() {
    TypeSerializer<Object>[] duplicates = NullMarkers.duplicateAll(fieldSerializers);
    return duplicates == fieldSerializers ? this : new RowSerializer(duplicates, positionByName);
  }

  /** A {@link RowSerializerSnapshot}: the field names and each field's serializer snapshot. */
  @Override
  public TypeSerializerSnapshot<Row> snapshotConfiguration() {
    return new RowSerializerSnapshot(this);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RowSerializer other
        && Arrays.equals(other.fieldSerializers, fieldSerializers)
        && Objects.equals(namesInOrder(other.positionByName), namesInOrder(positionByName));
  }

  private static Object namesInOrder(Map<String, Integer> positionByName) {
    return positionByName == null ? null : Arrays.asList(positionByName.keySet().toArray());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(fieldSerializers);
  }

  @Override
  public String toString() {
    return "RowSerializer(" + (positionByName == null ? "" : positionByName.keySet() + ", ")
        + Arrays.toString(fieldSerializers) + ")";
  }
}
