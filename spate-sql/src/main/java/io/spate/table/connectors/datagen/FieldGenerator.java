package io.spate.table.connectors.datagen;

import io.spate.api.types.Row;
import io.spate.table.api.ValidationException;
import io.spate.table.types.logical.ArrayType;
import io.spate.table.types.logical.CharType;
import io.spate.table.types.logical.DecimalType;
import io.spate.table.types.logical.LogicalType;
import io.spate.table.types.logical.RowType;
import io.spate.table.types.logical.VarCharType;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

/**
 * The values of one generated column, as a function of the row's index: a sequence ({@code start}
 * plus the index), or random values drawn from a generator seeded by the index and the column, so
 * that a restarted source generates the same rows again.
 */
abstract class FieldGenerator implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The value of row {@code index}. */
  abstract Object value(long index);

  /** A sequence from {@code start} to {@code end} of numbers (or their text) of {@code type}. */
  static FieldGenerator sequence(String column, LogicalType type, long start, long end) {
    if (end < start) {
      throw new ValidationException("The sequence of column '" + column + "' ends (" + end + ") before it starts ("
          + start + ")");
    }
    return new FieldGenerator() {
      @Override
      Object value(long index) {
        return convert(start + index, type);
      }
    };
  }

  /**
   * Random values of {@code type}; numbers within [min, max] (also the months of a year-month interval and the
   * milliseconds of a day-time one), strings of {@code length}, times up to {@code maxPast} ago.
   */
  static FieldGenerator random(String column, LogicalType type, int salt, Double min, Double max, int length,
      Duration maxPast, float nullRate) {
    switch (type.getTypeRoot()) {
      case BOOLEAN:
      case TINYINT:
      case SMALLINT:
      case INTEGER:
      case BIGINT:
      case FLOAT:
      case DOUBLE:
      case DECIMAL:
      case CHAR:
      case VARCHAR:
      case BINARY:
      case VARBINARY:
      case DATE:
      case TIME_WITHOUT_TIME_ZONE:
      case TIMESTAMP_WITHOUT_TIME_ZONE:
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
      case INTERVAL_YEAR_MONTH:
      case INTERVAL_DAY_TIME:
      case ARRAY:
      case ROW:
        break;
      default:
        throw new ValidationException("The datagen connector cannot generate values of type " + type.asSummaryString()
            + " (column '" + column + "')");
    }
    long fixedNow = System.currentTimeMillis();
    return new FieldGenerator() {
      @Override
      Object value(long index) {
        SplittableRandom random = new SplittableRandom(index * 0x9E3779B97F4A7C15L + salt);
        if (nullRate > 0 && type.isNullable() && random.nextDouble() < nullRate) {
          return null;
        }
        return randomValue(random, type, min, max, length, maxPast, fixedNow);
      }
    };
  }

  private static Object randomValue(SplittableRandom random, LogicalType type, Double min, Double max, int length,
      Duration maxPast, long now) {
    switch (type.getTypeRoot()) {
      case BOOLEAN:
        return random.nextBoolean();
      case TINYINT:
        return (byte) longIn(random, min, max, Byte.MIN_VALUE, Byte.MAX_VALUE);
      case SMALLINT:
        return (short) longIn(random, min, max, Short.MIN_VALUE, Short.MAX_VALUE);
      case INTEGER:
        return (int) longIn(random, min, max, Integer.MIN_VALUE, Integer.MAX_VALUE);
      case BIGINT:
        return longIn(random, min, max, Long.MIN_VALUE, Long.MAX_VALUE);
      case FLOAT:
        return (float) doubleIn(random, min, max, -Float.MAX_VALUE, Float.MAX_VALUE);
      case DOUBLE:
        return doubleIn(random, min, max, -Double.MAX_VALUE, Double.MAX_VALUE);
      case DECIMAL: {
        DecimalType decimal = (DecimalType) type;
        double limit = Math.pow(10, decimal.getPrecision() - decimal.getScale()) - 1;
        double value = doubleIn(random, min, max, -limit, limit);
        return BigDecimal.valueOf(value).setScale(decimal.getScale(), RoundingMode.HALF_UP);
      }
      case CHAR:
      case VARCHAR: {
        int size = type instanceof CharType c ? c.getLength()
            : Math.min(length, ((VarCharType) type).getLength());
        StringBuilder text = new StringBuilder(size);
        for (int i = 0; i < size; i++) {
          text.append(Character.forDigit(random.nextInt(16), 16));
        }
        return text.toString();
      }
      case BINARY:
      case VARBINARY: {
        byte[] bytes = new byte[length];
        for (int i = 0; i < bytes.length; i++) {
          bytes[i] = (byte) random.nextInt(256);
        }
        return bytes;
      }
      case DATE:
        return LocalDate.ofEpochDay(Math.floorDiv(now - (long) (random.nextDouble() * maxPast.toMillis()), 86_400_000L));
      case TIME_WITHOUT_TIME_ZONE:
        return LocalTime.ofSecondOfDay(random.nextInt(86_400));
      case TIMESTAMP_WITHOUT_TIME_ZONE:
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(now - (long) (random.nextDouble() * maxPast.toMillis())),
            ZoneOffset.UTC);
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
        return Instant.ofEpochMilli(now - (long) (random.nextDouble() * maxPast.toMillis()));
      case INTERVAL_YEAR_MONTH:
        // Months, by default within [0, 120000] (up to 10000 years), as Flink's datagen draws them.
        return (int) longIn(random, min, max, 0, 120_000);
      case INTERVAL_DAY_TIME:
        return longIn(random, min, max, Long.MIN_VALUE, Long.MAX_VALUE); // milliseconds
      case ARRAY: {
        LogicalType element = ((ArrayType) type).getElementType();
        Object[] array = new Object[3];
        for (int i = 0; i < array.length; i++) {
          array[i] = randomValue(random, element, min, max, length, maxPast, now);
        }
        return array;
      }
      case ROW: {
        RowType rowType = (RowType) type;
        Row row = new Row(rowType.getFieldCount());
        for (int i = 0; i < rowType.getFieldCount(); i++) {
          row.setField(i, randomValue(random, rowType.getTypeAt(i), min, max, length, maxPast, now));
        }
        return row;
      }
      default:
        throw new IllegalStateException("unreachable: " + type);
    }
  }

  private static long longIn(SplittableRandom random, Double min, Double max, long lowest, long highest) {
    long from = min == null ? lowest : min.longValue();
    long to = max == null ? highest : max.longValue();
    if (from == Long.MIN_VALUE && to == Long.MAX_VALUE) {
      return random.nextLong();
    }
    return from + (long) (random.nextDouble() * ((double) to - from + 1));
  }

  private static double doubleIn(SplittableRandom random, Double min, Double max, double lowest, double highest) {
    double from = min == null ? lowest : min;
    double to = max == null ? highest : max;
    return from + random.nextDouble() * (to / 2 - from / 2) * 2;
  }

  /** {@code value} as a value of numeric or string {@code type}, for sequences. */
  static Object convert(long value, LogicalType type) {
    switch (type.getTypeRoot()) {
      case TINYINT:
        return (byte) value;
      case SMALLINT:
        return (short) value;
      case INTEGER:
        return (int) value;
      case BIGINT:
        return value;
      case FLOAT:
        return (float) value;
      case DOUBLE:
        return (double) value;
      case DECIMAL:
        return BigDecimal.valueOf(value).setScale(((DecimalType) type).getScale(), RoundingMode.HALF_UP);
      case CHAR:
      case VARCHAR:
        return Long.toString(value);
      default:
        throw new IllegalStateException("unreachable: " + type);
    }
  }
}
