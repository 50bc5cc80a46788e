package io.spate.table.api;

import io.spate.api.annotation.PublicEvolving;
import io.spate.table.types.AtomicDataType;
import io.spate.table.types.CollectionDataType;
import io.spate.table.types.DataType;
import io.spate.table.types.FieldsDataType;
import io.spate.table.types.KeyValueDataType;
import io.spate.table.types.logical.ArrayType;
import io.spate.table.types.logical.BigIntType;
import io.spate.table.types.logical.BinaryType;
import io.spate.table.types.logical.BooleanType;
import io.spate.table.types.logical.CharType;
import io.spate.table.types.logical.DateType;
import io.spate.table.types.logical.DecimalType;
import io.spate.table.types.logical.DoubleType;
import io.spate.table.types.logical.FloatType;
import io.spate.table.types.logical.IntType;
import io.spate.table.types.logical.LocalZonedTimestampType;
import io.spate.table.types.logical.MapType;
import io.spate.table.types.logical.MultisetType;
import io.spate.table.types.logical.NullType;
import io.spate.table.types.logical.RowType;
import io.spate.table.types.logical.RowType.RowField;
import io.spate.table.types.logical.SmallIntType;
import io.spate.table.types.logical.TimeType;
import io.spate.table.types.logical.TimestampType;
import io.spate.table.types.logical.TinyIntType;
import io.spate.table.types.logical.VarBinaryType;
import io.spate.table.types.logical.VarCharType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The factory of the Table API's data types, Flink's {@code DataTypes}: {@code DataTypes.INT()},
 * {@code DataTypes.DECIMAL(10, 2)}, {@code DataTypes.ROW(DataTypes.FIELD("id", DataTypes.BIGINT()))}. Every type
 * is nullable unless {@link DataType#notNull()} says otherwise and carries its default Java class unless
 * {@link DataType#bridgedTo(Class)} chooses another.
 */
@PublicEvolving
public final class DataTypes {

  private DataTypes() {}

  /** {@code CHAR(n)}: a fixed-length character string, {@link String} in Java. */
  public static DataType CHAR(int n) {
    return new AtomicDataType(new CharType(n));
  }

  /** {@code VARCHAR(n)}: a character string of at most n characters, {@link String} in Java. */
  public static DataType VARCHAR(int n) {
    return new AtomicDataType(new VarCharType(n));
  }

  /** {@code STRING}, i.e. {@code VARCHAR(2147483647)}: a character string of any length. */
  public static DataType STRING() {
    return VARCHAR(VarCharType.MAX_LENGTH);
  }

  /** {@code BOOLEAN}, {@link Boolean} in Java. */
  public static DataType BOOLEAN() {
    return new AtomicDataType(new BooleanType());
  }

  /** {@code BINARY(n)}: a fixed-length byte string, {@code byte[]} in Java. */
  public static DataType BINARY(int n) {
    return new AtomicDataType(new BinaryType(n));
  }

  /** {@code VARBINARY(n)}: a byte string of at most n bytes, {@code byte[]} in Java. */
  public static DataType VARBINARY(int n) {
    return new AtomicDataType(new VarBinaryType(n));
  }

  /** {@code BYTES}, i.e. {@code VARBINARY(2147483647)}: a byte string of any length. */
  public static DataType BYTES() {
    return VARBINARY(VarBinaryType.MAX_LENGTH);
  }

  /** {@code DECIMAL(p, s)}: p digits of which s after the point, {@link java.math.BigDecimal} in Java. */
  public static DataType DECIMAL(int precision, int scale) {
    return new AtomicDataType(new DecimalType(precision, scale));
  }

  /** {@code TINYINT}: a 1-byte integer, {@link Byte} in Java. */
  public static DataType TINYINT() {
    return new AtomicDataType(new TinyIntType());
  }

  /** {@code SMALLINT}: a 2-byte integer, {@link Short} in Java. */
  public static DataType SMALLINT() {
    return new AtomicDataType(new SmallIntType());
  }

  /** {@code INT}: a 4-byte integer, {@link Integer} in Java. */
  public static DataType INT() {
    return new AtomicDataType(new IntType());
  }

  /** {@code BIGINT}: an 8-byte integer, {@link Long} in Java. */
  public static DataType BIGINT() {
    return new AtomicDataType(new BigIntType());
  }

  /** {@code FLOAT}: a 4-byte floating point number, {@link Float} in Java. */
  public static DataType FLOAT() {
    return new AtomicDataType(new FloatType());
  }

  /** {@code DOUBLE}: an 8-byte floating point number, {@link Double} in Java. */
  public static DataType DOUBLE() {
    return new AtomicDataType(new DoubleType());
  }

  /** {@code DATE}: a day, {@link java.time.LocalDate} in Java. */
  public static DataType DATE() {
    return new AtomicDataType(new DateType());
  }

  /** {@code TIME(p)}: a time of day with p (0 to 9) digits of fractional seconds, {@link java.time.LocalTime}. */
  public static DataType TIME(int precision) {
    return new AtomicDataType(new TimeType(precision));
  }

  /** {@code TIME(0)}. */
  public static DataType TIME() {
    return TIME(TimeType.DEFAULT_PRECISION);
  }

  /**
   * {@code TIMESTAMP(p)}: a date and time without a zone, p (0 to 9) digits of fractional seconds,
   * {@link java.time.LocalDateTime} in Java.
   */
  public static DataType TIMESTAMP(int precision) {
    return new AtomicDataType(new TimestampType(precision));
  }

  /** {@code TIMESTAMP(6)}. */
  public static DataType TIMESTAMP() {
    return TIMESTAMP(TimestampType.DEFAULT_PRECISION);
  }

  /**
   * {@code TIMESTAMP_LTZ(p)}, i.e. {@code TIMESTAMP(p) WITH LOCAL TIME ZONE}: an instant, shown in the session's
   * time zone, {@link java.time.Instant} in Java.
   */
  public static DataType TIMESTAMP_LTZ(int precision) {
    return new AtomicDataType(new LocalZonedTimestampType(precision));
  }

  /** {@code TIMESTAMP_LTZ(6)}. */
  public static DataType TIMESTAMP_LTZ() {
    return TIMESTAMP_LTZ(LocalZonedTimestampType.DEFAULT_PRECISION);
  }

  /** The same as {@link #TIMESTAMP_LTZ(int)}. */
  public static DataType TIMESTAMP_WITH_LOCAL_TIME_ZONE(int precision) {
    return TIMESTAMP_LTZ(precision);
  }

  /** {@code TIMESTAMP(6) WITH LOCAL TIME ZONE}. */
  public static DataType TIMESTAMP_WITH_LOCAL_TIME_ZONE() {
    return TIMESTAMP_LTZ();
  }

  /** {@code ARRAY<t>}: an array of elements of {@code elementDataType}, a Java array of its class. */
  public static DataType ARRAY(DataType elementDataType) {
    Objects.requireNonNull(elementDataType, "elementDataType");
    return new CollectionDataType(new ArrayType(elementDataType.getLogicalType()), elementDataType);
  }

  /** {@code MULTISET<t>}: a bag of elements of {@code elementDataType}, a {@code Map<T, Integer>} of counts. */
  public static DataType MULTISET(DataType elementDataType) {
    Objects.requireNonNull(elementDataType, "elementDataType");
    return new CollectionDataType(new MultisetType(elementDataType.getLogicalType()), elementDataType);
  }

  /** {@code MAP<k, v>}: a map from keys of {@code keyDataType} to values of {@code valueDataType}. */
  public static DataType MAP(DataType keyDataType, DataType valueDataType) {
    Objects.requireNonNull(keyDataType, "keyDataType");
    Objects.requireNonNull(valueDataType, "valueDataType");
    return new KeyValueDataType(
        new MapType(keyDataType.getLogicalType(), valueDataType.getLogicalType()), keyDataType, valueDataType);
  }

  /**
   * {@code ROW<name type, ...>}: a row of the given fields, an {@code io.spate.api.types.Row} in Java.
   *
   * @throws ValidationException if a field name is blank or used twice
   */
  public static DataType ROW(Field... fields) {
    List<RowField> rowFields = new ArrayList<>();
    List<DataType> fieldDataTypes = new ArrayList<>();
    for (Field field : fields) {
      Objects.requireNonNull(field, "field");
      rowFields.add(new RowField(field.getName(), field.getDataType().getLogicalType(),
          field.getDescription().orElse(null)));
      fieldDataTypes.add(field.getDataType());
    }
    return new FieldsDataType(new RowType(rowFields), fieldDataTypes);
  }

  /** {@code ROW<f0 t0, f1 t1, ...>}: a row of unnamed fields, which get the names {@code f0}, {@code f1}, ... */
  public static DataType ROW(DataType... fieldDataTypes) {
    Field[] fields = new Field[fieldDataTypes.length];
    for (int i = 0; i < fieldDataTypes.length; i++) {
      fields[i] = FIELD("f" + i, fieldDataTypes[i]);
    }
    return ROW(fields);
  }

  /** {@code ROW<>}: a row without fields. */
  public static DataType ROW() {
    return ROW(new Field[0]);
  }

  /** {@code NULL}: the type of the untyped NULL literal, {@link Object} in Java. */
  public static DataType NULL() {
    return new AtomicDataType(new NullType());
  }

  /** A field of a {@link #ROW(Field...)}. */
  public static Field FIELD(String name, DataType dataType) {
    return new Field(name, dataType, null);
  }

  /** A field of a {@link #ROW(Field...)} with a description that DESCRIBE shows. */
  public static Field FIELD(String name, DataType dataType, String description) {
    return new Field(name, dataType, Objects.requireNonNull(description, "description"));
  }

  /** A named, typed field of a row data type, with an optional description. */
  @PublicEvolving
  public static final class Field {

    private final String name;
    private final DataType dataType;
    private final String description;

    private Field(String name, DataType dataType, String description) {
      this.name = Objects.requireNonNull(name, "name");
      this.dataType = Objects.requireNonNull(dataType, "dataType");
      this.description = description;
    }

    /** The field's name. */
    public String getName() {
      return name;
    }

    /** The field's data type. */
    public DataType getDataType() {
      return dataType;
    }

    /** The field's description, if it has one. */
    public Optional<String> getDescription() {
      return Optional.ofNullable(description);
    }

    /** The field as {@code name TYPE 'description'}. */
    @Override
    public String toString() {
      return new RowField(name, dataType.getLogicalType(), description).asSummaryString();
    }
  }
}
