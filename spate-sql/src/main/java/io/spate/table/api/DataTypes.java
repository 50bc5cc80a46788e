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
import io.spate.table.types.logical.DayTimeIntervalType;
import io.spate.table.types.logical.DayTimeIntervalType.DayTimeResolution;
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
import io.spate.table.types.logical.YearMonthIntervalType;
import io.spate.table.types.logical.YearMonthIntervalType.YearMonthResolution;
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

  /**
   * An interval of one unit: {@code INTERVAL(MONTH())} is {@code INTERVAL MONTH} ({@link java.time.Period}),
   * {@code INTERVAL(SECOND(3))} is {@code INTERVAL SECOND(3)} ({@link java.time.Duration}).
   */
  public static DataType INTERVAL(Resolution resolution) {
    Objects.requireNonNull(resolution, "resolution");
    return INTERVAL(resolution, null);
  }

  /**
   * An interval from one unit to a smaller one: {@code INTERVAL(YEAR(), MONTH())} is {@code INTERVAL YEAR(2) TO
   * MONTH}, {@code INTERVAL(DAY(), SECOND(3))} is {@code INTERVAL DAY(2) TO SECOND(3)}.
   *
   * @throws ValidationException for a pair that is no interval type, such as {@code HOUR} to {@code DAY} or
   *     {@code MONTH} to {@code DAY}
   */
  public static DataType INTERVAL(Resolution upperResolution, Resolution lowerResolution) {
    Objects.requireNonNull(upperResolution, "upperResolution");
    String name = lowerResolution == null ? upperResolution.unit : upperResolution.unit + "_TO_" + lowerResolution.unit;
    int leading = upperResolution.precision;
    int fractional = lowerResolution == null ? upperResolution.precision : lowerResolution.precision;
    if (upperResolution.unit.equals("YEAR") || upperResolution.unit.equals("MONTH")) {
      for (YearMonthResolution resolution : YearMonthResolution.values()) {
        if (resolution.name().equals(name)) {
          return new AtomicDataType(new YearMonthIntervalType(true, resolution,
              leading < 0 ? YearMonthIntervalType.DEFAULT_PRECISION : leading));
        }
      }
    } else {
      for (DayTimeResolution resolution : DayTimeResolution.values()) {
        if (resolution.name().equals(name)) {
          boolean secondOnly = resolution == DayTimeResolution.SECOND;
          return new AtomicDataType(new DayTimeIntervalType(true, resolution,
              secondOnly || leading < 0 ? DayTimeIntervalType.DEFAULT_DAY_PRECISION : leading,
              fractional < 0 || !name.endsWith("SECOND") ? DayTimeIntervalType.DEFAULT_FRACTIONAL_PRECISION
                  : fractional));
        }
      }
    }
    throw new ValidationException("There is no interval type from " + upperResolution.unit
        + (lowerResolution == null ? "" : " to " + lowerResolution.unit) + "; an interval is YEAR, YEAR TO MONTH,"
        + " MONTH, or one of DAY, HOUR, MINUTE, SECOND optionally to a smaller of them (DAY TO SECOND)");
  }

  /** The unit of years of an {@link #INTERVAL(Resolution, Resolution)}, with two digits of years. */
  public static Resolution YEAR() {
    return new Resolution("YEAR", -1);
  }

  /** The unit of years of an {@link #INTERVAL(Resolution, Resolution)}, with {@code precision} digits of years (1 to 4). */
  public static Resolution YEAR(int precision) {
    checkPrecision("year", precision, YearMonthIntervalType.MIN_PRECISION, YearMonthIntervalType.MAX_PRECISION);
    return new Resolution("YEAR", precision);
  }

  /** The unit of months of an {@link #INTERVAL(Resolution, Resolution)}. */
  public static Resolution MONTH() {
    return new Resolution("MONTH", -1);
  }

  /** The unit of days of an {@link #INTERVAL(Resolution, Resolution)}, with two digits of days. */
  public static Resolution DAY() {
    return new Resolution("DAY", -1);
  }

  /** The unit of days of an {@link #INTERVAL(Resolution, Resolution)}, with {@code precision} digits of days (1 to 6). */
  public static Resolution DAY(int precision) {
    checkPrecision("day", precision, DayTimeIntervalType.MIN_DAY_PRECISION, DayTimeIntervalType.MAX_DAY_PRECISION);
    return new Resolution("DAY", precision);
  }

  /** The unit of hours of an {@link #INTERVAL(Resolution, Resolution)}. */
  public static Resolution HOUR() {
    return new Resolution("HOUR", -1);
  }

  /** The unit of minutes of an {@link #INTERVAL(Resolution, Resolution)}. */
  public static Resolution MINUTE() {
    return new Resolution("MINUTE", -1);
  }

  /** The unit of seconds of an {@link #INTERVAL(Resolution, Resolution)}, with six fractional digits. */
  public static Resolution SECOND() {
    return new Resolution("SECOND", -1);
  }

  /** The unit of seconds of an {@link #INTERVAL(Resolution, Resolution)}, with {@code precision} fractional digits (0 to 9). */
  public static Resolution SECOND(int precision) {
    checkPrecision("fractional", precision, DayTimeIntervalType.MIN_FRACTIONAL_PRECISION,
        DayTimeIntervalType.MAX_FRACTIONAL_PRECISION);
    return new Resolution("SECOND", precision);
  }

  private static void checkPrecision(String what, int precision, int min, int max) {
    if (precision < min || precision > max) {
      throw new ValidationException("The " + what + " precision of an interval must be between " + min + " and " + max
          + " (both inclusive), got " + precision + ".");
    }
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

  /** A unit of an interval type with its precision, made by {@link #YEAR()}, {@link #SECOND(int)} and the like. */
  @PublicEvolving
  public static final class Resolution {

    private final String unit;
    private final int precision;

    private Resolution(String unit, int precision) {
      this.unit = unit;
      this.precision = precision;
    }

    /** The unit and its precision, as in {@code SECOND(3)}. */
    @Override
    public String toString() {
      return precision < 0 ? unit : unit + "(" + precision + ")";
    }
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
