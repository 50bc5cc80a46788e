package io.spate.table.formats;

import io.spate.api.types.Row;
import io.spate.table.runtime.typeutils.TypeInfos;
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
import io.spate.table.types.logical.LogicalType;
import io.spate.table.types.logical.MapType;
import io.spate.table.types.logical.RowType;
import io.spate.table.types.logical.SmallIntType;
import io.spate.table.types.logical.TimeType;
import io.spate.table.types.logical.TimestampType;
import io.spate.table.types.logical.TinyIntType;
import io.spate.table.types.logical.VarBinaryType;
import io.spate.table.types.logical.VarCharType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * Random row types with a random row of each, for format round-trip laws: every scalar SQL type,
 * and for JSON also arrays, maps and rows nested in each other; for CSV the shapes CSV can hold.
 */
public final class RandomRows {

  /** A row type and a row of it. */
  public record TypedRow(RowType type, Row row) {
    @Override
    public String toString() {
      return type.asSummaryString() + " " + row;
    }
  }

  private static final String TEXT_CHARS = "ab ,;\"'\n\\#xyzü€=:%{}[]0";
  private static final String NESTED_TEXT_CHARS = "ab ,\"'\\#xyzü€=:%{}[]0";

  private final boolean csv;
  /** Only scalar columns, and no bytes: what CSV without quotes can tell from NULL. */
  private final boolean unquotable;
  /** What Avro holds: map keys are strings, times and timestamps at most microseconds. */
  private boolean avro;

  private RandomRows(boolean csv) {
    this(csv, false);
  }

  private RandomRows(boolean csv, boolean unquotable) {
    this.csv = csv;
    this.unquotable = unquotable;
  }

  /** Rows for csv without a quote character: scalar columns other than bytes. */
  public static Gen<TypedRow> forUnquotedCsv() {
    return new RandomRows(true, true)::typedRow;
  }

  /** A row type and rows of it. */
  public record TypedRows(RowType type, List<Row> rows) {
    @Override
    public String toString() {
      return type.asSummaryString() + " " + rows;
    }
  }

  /** Tables of {@code count} rows for the json format. */
  public static Gen<TypedRows> tablesForJson(int count) {
    return new RandomRows(false).tables(count);
  }

  /** Tables of {@code count} rows for the csv format. */
  public static Gen<TypedRows> tablesForCsv(int count) {
    return new RandomRows(true).tables(count);
  }

  private Gen<TypedRows> tables(int count) {
    return in -> {
      RowType type = typedRow(in).type();
      List<Row> rows = new ArrayList<>();
      for (int r = 0; r < count; r++) {
        Row row = new Row(type.getFieldCount());
        for (int i = 0; i < type.getFieldCount(); i++) {
          row.setField(i, value(in, type.getTypeAt(i), false, false));
        }
        rows.add(row);
      }
      return new TypedRows(type, rows);
    };
  }

  /** Rows for the json format. */
  public static Gen<TypedRow> forJson() {
    return new RandomRows(false)::typedRow;
  }

  /** Rows for the csv format (at least two columns, no maps, no nesting below one array or row). */
  public static Gen<TypedRow> forCsv() {
    return new RandomRows(true)::typedRow;
  }

  private static int between(RandomnessSource in, int min, int max) {
    return Generate.range(min, max).generate(in);
  }

  private static long longBetween(RandomnessSource in, long min, long max) {
    return Generate.longRange(min, max).generate(in);
  }

  private TypedRow typedRow(RandomnessSource in) {
    int count = between(in, csv ? 2 : 1, 5);
    List<RowType.RowField> fields = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      LogicalType type = type(in, unquotable ? 0 : csv ? 1 : 2, false);
      while (unquotable && (type instanceof BinaryType || type instanceof VarBinaryType)) {
        type = type(in, 0, false);
      }
      fields.add(new RowType.RowField("c" + i, type));
    }
    RowType type = new RowType(false, fields);
    Row row = new Row(count);
    for (int i = 0; i < count; i++) {
      row.setField(i, value(in, type.getTypeAt(i), false, false));
    }
    return new TypedRow(type, row);
  }

  private LogicalType type(RandomnessSource in, int depth, boolean nested) {
    int kinds = depth > 0 ? (csv ? 18 : 20) : 16;
    switch (between(in, 0, kinds - 1)) {
      case 0: return new BooleanType();
      case 1: return new TinyIntType();
      case 2: return new SmallIntType();
      case 3: return new IntType();
      case 4: return new BigIntType();
      case 5: return new FloatType();
      case 6: return new DoubleType();
      case 7: {
        int precision = between(in, 1, 38);
        return new DecimalType(precision, between(in, 0, precision));
      }
      case 8: return new CharType(between(in, 1, 10));
      case 9: return new VarCharType(VarCharType.MAX_LENGTH);
      case 10: return new BinaryType(between(in, 1, 10));
      case 11: return new VarBinaryType(VarBinaryType.MAX_LENGTH);
      case 12: return new DateType();
      case 13: return new TimeType(between(in, 0, avro ? 6 : 9));
      case 14: return new TimestampType(between(in, 0, avro ? 6 : 9));
      case 15: return new LocalZonedTimestampType(between(in, 0, avro ? 6 : 9));
      case 16: return new ArrayType(type(in, depth - 1, true));
      case 17: {
        int count = between(in, 1, 3);
        List<RowType.RowField> fields = new ArrayList<>();
        for (int i = 0; i < count; i++) {
          fields.add(new RowType.RowField("f" + i, type(in, depth - 1, true)));
        }
        return new RowType(fields);
      }
      default:
        return new MapType(avro || between(in, 0, 1) == 0 ? new VarCharType(VarCharType.MAX_LENGTH) : new IntType(),
            type(in, depth - 1, true));
    }
  }

  private Object value(RandomnessSource in, LogicalType type, boolean nested, boolean mapKey) {
    if (!mapKey && type.isNullable() && between(in, 0, 5) == 0) {
      return null;
    }
    switch (type.getTypeRoot()) {
      case BOOLEAN: return between(in, 0, 1) == 1;
      case TINYINT: return (byte) between(in, Byte.MIN_VALUE, Byte.MAX_VALUE);
      case SMALLINT: return (short) between(in, Short.MIN_VALUE, Short.MAX_VALUE);
      case INTEGER: return between(in, Integer.MIN_VALUE, Integer.MAX_VALUE);
      case BIGINT: return longBetween(in, Long.MIN_VALUE, Long.MAX_VALUE);
      case FLOAT: return Float.intBitsToFloat(finiteBits(in));
      case DOUBLE: return Double.longBitsToDouble(finiteDoubleBits(in));
      case DECIMAL: {
        DecimalType decimal = (DecimalType) type;
        StringBuilder digits = new StringBuilder();
        int count = between(in, 1, decimal.getPrecision());
        for (int i = 0; i < count; i++) {
          digits.append((char) ('0' + between(in, 0, 9)));
        }
        BigInteger unscaled = new BigInteger(digits.toString());
        return new BigDecimal(between(in, 0, 1) == 0 ? unscaled : unscaled.negate(), decimal.getScale());
      }
      case CHAR:
      case VARCHAR: {
        String chars = nested ? NESTED_TEXT_CHARS : TEXT_CHARS;
        int length = between(in, nested && csv ? 1 : 0, 6);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
          text.append(chars.charAt(between(in, 0, chars.length() - 1)));
        }
        String result = text.toString();
        return csv && nested && result.equals("\\N") ? "N" : result;
      }
      case BINARY:
      case VARBINARY: {
        // In a csv array an empty element and no element read alike, as for strings above.
        byte[] bytes = new byte[between(in, nested && csv ? 1 : 0, 8)];
        for (int i = 0; i < bytes.length; i++) {
          bytes[i] = (byte) between(in, -128, 127);
        }
        return bytes;
      }
      case DATE: return LocalDate.ofEpochDay(longBetween(in, LocalDate.of(1, 1, 1).toEpochDay(),
          LocalDate.of(9999, 12, 31).toEpochDay()));
      case TIME_WITHOUT_TIME_ZONE:
        return LocalTime.ofNanoOfDay(truncate(longBetween(in, 0, 86_399_999_999_999L),
            ((TimeType) type).getPrecision()));
      case TIMESTAMP_WITHOUT_TIME_ZONE:
        return timestamp(in, ((TimestampType) type).getPrecision());
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
        return timestamp(in, ((LocalZonedTimestampType) type).getPrecision()).toInstant(ZoneOffset.UTC);
      case ARRAY: {
        LogicalType element = ((ArrayType) type).getElementType();
        int size = between(in, 0, 3);
        Object[] array = (Object[]) java.lang.reflect.Array.newInstance(TypeInfos.of(element).getTypeClass(), size);
        for (int i = 0; i < size; i++) {
          array[i] = value(in, element, true, false);
        }
        return array;
      }
      case MAP: {
        MapType map = (MapType) type;
        Map<Object, Object> values = new LinkedHashMap<>();
        int size = between(in, 0, 3);
        for (int i = 0; i < size; i++) {
          values.put(value(in, map.getKeyType(), true, true), value(in, map.getValueType(), true, false));
        }
        return values;
      }
      case ROW: {
        RowType rowType = (RowType) type;
        Row row = new Row(rowType.getFieldCount());
        for (int i = 0; i < rowType.getFieldCount(); i++) {
          row.setField(i, value(in, rowType.getTypeAt(i), true, false));
        }
        return row;
      }
      default:
        throw new IllegalArgumentException(type.asSummaryString());
    }
  }

  private static LocalDateTime timestamp(RandomnessSource in, int precision) {
    long seconds = longBetween(in, LocalDateTime.of(1, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC),
        LocalDateTime.of(9999, 12, 31, 23, 59, 59).toEpochSecond(ZoneOffset.UTC));
    long nanos = truncate(longBetween(in, 0, 999_999_999), precision);
    return LocalDateTime.ofEpochSecond(seconds, (int) nanos, ZoneOffset.UTC);
  }

  private static long truncate(long nanos, int precision) {
    long unit = 1;
    for (int i = precision; i < 9; i++) {
      unit *= 10;
    }
    return nanos - nanos % unit;
  }

  private static int finiteBits(RandomnessSource in) {
    while (true) {
      int bits = between(in, Integer.MIN_VALUE, Integer.MAX_VALUE);
      if (Float.isFinite(Float.intBitsToFloat(bits))) {
        return bits;
      }
    }
  }

  private static long finiteDoubleBits(RandomnessSource in) {
    while (true) {
      long bits = longBetween(in, Long.MIN_VALUE, Long.MAX_VALUE);
      if (Double.isFinite(Double.longBitsToDouble(bits))) {
        return bits;
      }
    }
  }

  /** Tables of {@code count} rows for the avro and parquet formats (and json, which writes their input). */
  public static Gen<TypedRows> tablesForAvro(int count) {
    RandomRows rows = new RandomRows(false);
    rows.avro = true;
    return rows.tables(count);
  }
}
