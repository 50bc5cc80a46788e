package io.spate.table.formats.csv;

import io.spate.api.annotation.Internal;
import io.spate.api.types.Row;
import io.spate.table.formats.common.TemporalText;
import io.spate.table.formats.common.TimestampFormat;
import io.spate.table.runtime.typeutils.TypeInfos;
import io.spate.table.types.logical.ArrayType;
import io.spate.table.types.logical.DecimalType;
import io.spate.table.types.logical.LocalZonedTimestampType;
import io.spate.table.types.logical.LogicalType;
import io.spate.table.types.logical.LogicalTypeRoot;
import io.spate.table.types.logical.RowType;
import io.spate.table.types.logical.TimeType;
import io.spate.table.types.logical.TimestampType;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The text of a SQL value in a CSV field, as Flink's csv format writes it: numbers and booleans as
 * Java prints them, times in the SQL format, bytes as base64, an array's elements and a nested row's
 * fields joined by the array element delimiter. {@code MAP} and {@code MULTISET} columns have no CSV
 * form.
 */
@Internal
final class CsvValueConverters implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Reads the text of one non-null field or element. */
  @FunctionalInterface
  interface TextReader extends Serializable {
    Object read(String text);
  }

  /** Writes the text of one non-null value. */
  @FunctionalInterface
  interface TextWriter extends Serializable {
    String write(Object value);
  }

  private final String arrayDelimiter;
  private final String nullLiteral;
  private final boolean scientificDecimals;

  CsvValueConverters(String arrayDelimiter, String nullLiteral, boolean scientificDecimals) {
    this.arrayDelimiter = arrayDelimiter;
    this.nullLiteral = nullLiteral;
    this.scientificDecimals = scientificDecimals;
  }

  /** Fails naming the column if {@code type} has no CSV form. */
  static void checkSupported(LogicalType type, String column, boolean nested) {
    LogicalTypeRoot root = type.getTypeRoot();
    if (root == LogicalTypeRoot.MAP || root == LogicalTypeRoot.MULTISET) {
      throw new io.spate.table.api.ValidationException("The csv format cannot read or write the column '" + column + "' of type "
          + type.asSummaryString() + ": CSV has no form for maps; use the json format");
    }
    if (root == LogicalTypeRoot.ARRAY || root == LogicalTypeRoot.ROW) {
      if (nested) {
        throw new io.spate.table.api.ValidationException("The csv format cannot read or write the column '" + column
            + "' of type " + type.asSummaryString() + ": an array or row inside an array or row has no CSV form");
      }
      for (LogicalType child : type.getChildren()) {
        checkSupported(child, column, true);
      }
    }
  }

  /** Whether an empty unquoted field of {@code type} is the empty string rather than NULL. */
  static boolean isStringLike(LogicalType type) {
    return type.getTypeRoot() == LogicalTypeRoot.CHAR || type.getTypeRoot() == LogicalTypeRoot.VARCHAR;
  }

  TextReader reader(LogicalType type) {
    switch (type.getTypeRoot()) {
      case BOOLEAN:
        return text -> {
          String t = text.trim();
          if (t.equalsIgnoreCase("true")) {
            return true;
          }
          if (t.equalsIgnoreCase("false")) {
            return false;
          }
          throw new IllegalArgumentException("'" + text + "' is not a BOOLEAN");
        };
      case TINYINT:
        return text -> Byte.parseByte(text.trim());
      case SMALLINT:
        return text -> Short.parseShort(text.trim());
      case INTEGER:
      case INTERVAL_YEAR_MONTH: // a number of months, as in Flink
        return text -> Integer.parseInt(text.trim());
      case BIGINT:
      case INTERVAL_DAY_TIME: // a number of milliseconds, as in Flink
        return text -> Long.parseLong(text.trim());
      case FLOAT:
        return text -> Float.parseFloat(text.trim());
      case DOUBLE:
        return text -> Double.parseDouble(text.trim());
      case DECIMAL: {
        int precision = ((DecimalType) type).getPrecision();
        int scale = ((DecimalType) type).getScale();
        return text -> {
          BigDecimal value = new BigDecimal(text.trim()).setScale(scale, RoundingMode.HALF_UP);
          return value.precision() > precision ? null : value;
        };
      }
      case CHAR:
      case VARCHAR:
        return text -> text;
      case BINARY:
      case VARBINARY:
        return text -> Base64.getDecoder().decode(text.trim());
      case DATE:
        return TemporalText::parseDate;
      case TIME_WITHOUT_TIME_ZONE: {
        int precision = ((TimeType) type).getPrecision();
        return text -> TemporalText.parseTime(text, precision);
      }
      case TIMESTAMP_WITHOUT_TIME_ZONE: {
        int precision = ((TimestampType) type).getPrecision();
        return text -> TemporalText.parseTimestamp(text, TimestampFormat.SQL, true, precision);
      }
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE: {
        int precision = ((LocalZonedTimestampType) type).getPrecision();
        return text -> TemporalText.parseTimestampLtz(text, TimestampFormat.SQL, true, precision);
      }
      case ARRAY: {
        LogicalType elementType = ((ArrayType) type).getElementType();
        TextReader element = nullableElement(elementType);
        Class<?> elementClass = TypeInfos.of(elementType).getTypeClass();
        return text -> {
          String[] parts = text.isEmpty() ? new String[0] : text.split(Pattern.quote(arrayDelimiter), -1);
          Object[] array = (Object[]) java.lang.reflect.Array.newInstance(elementClass, parts.length);
          for (int i = 0; i < parts.length; i++) {
            array[i] = element.read(parts[i]);
          }
          return array;
        };
      }
      case ROW: {
        RowType rowType = (RowType) type;
        int arity = rowType.getFieldCount();
        TextReader[] fields = new TextReader[arity];
        for (int i = 0; i < arity; i++) {
          fields[i] = nullableElement(rowType.getTypeAt(i));
        }
        return text -> {
          String[] parts = text.split(Pattern.quote(arrayDelimiter), -1);
          if (parts.length != arity) {
            throw new IllegalArgumentException("'" + text + "' has " + parts.length + " nested fields (separated by '"
                + arrayDelimiter + "'), the row type " + type.asSummaryString() + " has " + arity);
          }
          Row row = new Row(arity);
          for (int i = 0; i < arity; i++) {
            row.setField(i, fields[i].read(parts[i]));
          }
          return row;
        };
      }
      default:
        throw new io.spate.table.api.ValidationException("The csv format does not read values of type " + type.asSummaryString());
    }
  }

  /** A reader of an array element or nested field, which is NULL as the null literal or (for non-strings) empty. */
  private TextReader nullableElement(LogicalType type) {
    TextReader plain = reader(type);
    // With a null literal, an empty element of bytes is empty bytes; without one it can only be NULL.
    boolean emptyIsValue = isStringLike(type) || nullLiteral != null
        && (type.getTypeRoot() == LogicalTypeRoot.BINARY || type.getTypeRoot() == LogicalTypeRoot.VARBINARY);
    String literal = nullLiteral;
    return text -> {
      if (literal != null && text.equals(literal) || text.isEmpty() && !emptyIsValue) {
        return null;
      }
      return plain.read(text);
    };
  }

  TextWriter writer(LogicalType type) {
    switch (type.getTypeRoot()) {
      case BOOLEAN:
      case TINYINT:
      case SMALLINT:
      case INTEGER:
      case BIGINT:
      case INTERVAL_YEAR_MONTH:
      case INTERVAL_DAY_TIME:
      case FLOAT:
      case DOUBLE:
      case CHAR:
      case VARCHAR:
        return Object::toString;
      case DECIMAL: {
        boolean scientific = scientificDecimals;
        return value -> scientific ? value.toString() : ((BigDecimal) value).toPlainString();
      }
      case BINARY:
      case VARBINARY:
        return value -> Base64.getEncoder().encodeToString((byte[]) value);
      case DATE:
        return value -> TemporalText.date((LocalDate) value);
      case TIME_WITHOUT_TIME_ZONE:
        return value -> TemporalText.time((LocalTime) value);
      case TIMESTAMP_WITHOUT_TIME_ZONE:
        return value -> TemporalText.timestamp((LocalDateTime) value, TimestampFormat.SQL);
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
        return value -> TemporalText.timestampLtz((Instant) value, TimestampFormat.SQL);
      case ARRAY: {
        TextWriter element = nullableElementWriter(((ArrayType) type).getElementType());
        String delimiter = arrayDelimiter;
        return value -> {
          List<String> parts = new ArrayList<>();
          for (Object e : (Object[]) value) {
            parts.add(element.write(e));
          }
          return String.join(delimiter, parts);
        };
      }
      case ROW: {
        RowType rowType = (RowType) type;
        TextWriter[] fields = new TextWriter[rowType.getFieldCount()];
        for (int i = 0; i < fields.length; i++) {
          fields[i] = nullableElementWriter(rowType.getTypeAt(i));
        }
        String delimiter = arrayDelimiter;
        return value -> {
          Row row = (Row) value;
          List<String> parts = new ArrayList<>();
          for (int i = 0; i < fields.length; i++) {
            parts.add(fields[i].write(row.getField(i)));
          }
          return String.join(delimiter, parts);
        };
      }
      default:
        throw new io.spate.table.api.ValidationException("The csv format does not write values of type "
            + type.asSummaryString());
    }
  }

  private TextWriter nullableElementWriter(LogicalType type) {
    TextWriter plain = writer(type);
    String literal = nullLiteral == null ? "" : nullLiteral;
    String delimiter = arrayDelimiter;
    return value -> {
      if (value == null) {
        return literal;
      }
      String text = plain.write(value);
      if (text.contains(delimiter)) {
        throw new IllegalArgumentException("the element '" + text + "' holds the array element delimiter '" + delimiter
            + "' ('csv.array-element-delimiter'), so it cannot be read back");
      }
      return text;
    };
  }
}
