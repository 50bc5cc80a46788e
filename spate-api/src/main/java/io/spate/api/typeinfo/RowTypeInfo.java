package io.spate.api.typeinfo;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.serialization.RowSerializer;
import io.spate.api.serialization.SerializerConfig;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.types.Row;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Type information of {@link Row}s: one type per field, and a name per field ({@code f0}, {@code
 * f1}, ... unless given). Fields are reached by position or by name, nested with dots ({@code
 * "user.name"}), so {@code keyBy("name")}, {@code keyBy(0)} and {@code sum("amount")} work on a
 * {@code DataStream<Row>}. Rows are valid keys when all their fields are. Create it with {@link
 * Types#ROW} or {@link Types#ROW_NAMED}.
 *
 * <p>As in Flink, {@link #equals} compares the field types only; {@link #schemaEquals} compares the
 * names too.
 */
@PublicEvolving
public final class RowTypeInfo extends CompositeTypeInfo<Row> {

  private static final long serialVersionUID = 1L;

  /**
   * The type of rows with the given field types, named {@code f0}, {@code f1}, ...
   *
   * @throws NullPointerException if a type is null
   */
  public RowTypeInfo(TypeInformation<?>... types) {
    this(types, defaultNames(types.length));
  }

  /**
   * The type of rows with the given field types and names.
   *
   * @throws IllegalArgumentException if the numbers of types and names differ, or a name is null,
   *     empty or given twice
   */
  public RowTypeInfo(TypeInformation<?>[] types, String[] fieldNames) {
    super(Row.class, checkNames(types, fieldNames), types, null);
  }

  private static String[] defaultNames(int arity) {
    String[] names = new String[arity];
    for (int i = 0; i < arity; i++) {
      names[i] = "f" + i;
    }
    return names;
  }

  private static String[] checkNames(TypeInformation<?>[] types, String[] fieldNames) {
    Objects.requireNonNull(types, "types");
    Objects.requireNonNull(fieldNames, "fieldNames");
    if (types.length != fieldNames.length) {
      throw new IllegalArgumentException(
          "A row type needs one name per field type, but " + types.length + " types and "
              + fieldNames.length + " names " + Arrays.toString(fieldNames) + " were given");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < fieldNames.length; i++) {
      if (fieldNames[i] == null || fieldNames[i].isEmpty()) {
        throw new IllegalArgumentException(
            "The name of row field " + i + " is " + (fieldNames[i] == null ? "null" : "empty")
                + "; every field needs a name (the names given: " + Arrays.toString(fieldNames) + ")");
      }
      if (!seen.add(fieldNames[i])) {
        throw new IllegalArgumentException(
            "The field name '" + fieldNames[i] + "' is given twice (at position " + i + "); the names"
                + " of a row type must be distinct: " + Arrays.toString(fieldNames));
      }
    }
    return fieldNames;
  }

  /**
   * The type of rows holding the fields of {@code rowType} at {@code fieldMapping}, in that order,
   * with their names.
   *
   * @throws IllegalArgumentException if a position is out of range
   */
  public static RowTypeInfo projectFields(RowTypeInfo rowType, int[] fieldMapping) {
    TypeInformation<?>[] types = new TypeInformation<?>[fieldMapping.length];
    String[] names = new String[fieldMapping.length];
    List<String> allNames = rowType.getFieldNames();
    for (int i = 0; i < fieldMapping.length; i++) {
      int pos = fieldMapping[i];
      if (pos < 0 || pos >= rowType.getArity()) {
        throw new IllegalArgumentException(
            "Cannot project field " + pos + " of " + rowType + ": its positions are 0 to "
                + (rowType.getArity() - 1));
      }
      types[i] = rowType.getFieldType(pos);
      names[i] = allNames.get(pos);
    }
    return new RowTypeInfo(types, names);
  }

  /** The field types, in position order. */
  public TypeInformation<?>[] getFieldTypes() {
    TypeInformation<?>[] types = new TypeInformation<?>[getArity()];
    for (int i = 0; i < types.length; i++) {
      types[i] = getFieldType(i);
    }
    return types;
  }

  /**
   * A serializer that reads rows back with this type's named positions, so they answer to positions
   * and names; it writes name-based rows by their names.
   */
  @Override
  public TypeSerializer<Row> createSerializer() {
    return new RowSerializer(createFieldSerializers(), getFieldNames().toArray(new String[0]));
  }

  /** {@link #createSerializer()}: Spate's serializers need nothing from the config. */
  @Override
  public TypeSerializer<Row> createSerializer(SerializerConfig config) {
    return createSerializer();
  }

  /** A row's field at {@code index}: by position if the row has positions, else by this type's name. */
  @Override
  Object getField(Row value, int index) {
    return value.getFieldNames(false) == null ? value.getField(index) : value.getField(getFieldNames().get(index));
  }

  /** The accessor of the field at {@code position}; it updates the row in place. */
  @Override
  public <F> FieldAccessor<Row, F> fieldAccessor(int position) {
    if (position < 0 || position >= getArity()) {
      throw new InvalidTypesException(
          "Type " + this + " has no field at position " + position
              + (getArity() == 0 ? "; it has no fields" : "; its positions are 0 to " + (getArity() - 1)));
    }
    return fieldAccessorAt(position);
  }

  @Override
  <F> FieldAccessor<Row, F> fieldAccessorAt(int index) {
    return new RowFieldAccessor<>(this, index);
  }

  @Override
  String kind() {
    return "Row";
  }

  /** Whether {@code obj} is a row type with equal field types; the names are not compared, as in Flink. */
  @Override
  public boolean equals(Object obj) {
    return obj instanceof RowTypeInfo other && Arrays.equals(other.getFieldTypes(), getFieldTypes());
  }

  @Override
  public int hashCode() {
    return super.hashCode();
  }

  /** Whether {@code obj} is a row type with equal field types and equal field names. */
  public boolean schemaEquals(Object obj) {
    return equals(obj) && ((RowTypeInfo) obj).getFieldNames().equals(getFieldNames());
  }

  /** As Flink prints it: {@code Row(id: Long, name: String)}. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("Row(");
    List<String> names = getFieldNames();
    for (int i = 0; i < names.size(); i++) {
      if (i > 0) {
        text.append(", ");
      }
      text.append(names.get(i)).append(": ").append(getFieldType(i));
    }
    return text.append(')').toString();
  }

  /** Reads and writes one row field in place: by position, or by name for a name-based row. */
  private static final class RowFieldAccessor<F> implements FieldAccessor<Row, F> {

    private static final long serialVersionUID = 1L;

    private final RowTypeInfo type;
    private final int position;
    private final String name;

    RowFieldAccessor(RowTypeInfo type, int position) {
      this.type = type;
      this.position = position;
      this.name = type.getFieldNames().get(position);
    }

    @Override
    @SuppressWarnings("unchecked")
    public F get(Row row) {
      return (F) (row.getFieldNames(false) == null ? row.getField(position) : row.getField(name));
    }

    @Override
    public Row set(Row row, F fieldValue) {
      if (row.getFieldNames(false) == null) {
        row.setField(position, fieldValue);
      } else {
        row.setField(name, fieldValue);
      }
      return row;
    }

    @Override
    @SuppressWarnings("unchecked")
    public TypeInformation<F> getFieldType() {
      return (TypeInformation<F>) type.getFieldType(position);
    }
  }
}
