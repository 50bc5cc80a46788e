package io.spate.table.connectors.jdbc;

import io.spate.api.annotation.Internal;
import io.spate.connectors.jdbc.JdbcUpsertSink;
import io.spate.table.api.ValidationException;
import io.spate.table.runtime.typeutils.TypeInfos;
import io.spate.table.types.logical.ArrayType;
import io.spate.table.types.logical.DecimalType;
import io.spate.table.types.logical.LogicalType;
import io.spate.table.types.logical.LogicalTypeFamily;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * How SQL types meet JDBC (as Flink's JDBC connector maps them for PostgreSQL): which column types of
 * the database a SQL type reads from, how a value is read from a result set into the Java class SQL
 * rows carry ({@code Long}, {@code BigDecimal}, {@code LocalDateTime}, {@code Integer[]}, ...), and
 * how a value is set as a statement parameter.
 */
@Internal
final class JdbcTypeMapping {

  private JdbcTypeMapping() {}

  /** Reads one column of the current row. */
  @FunctionalInterface
  interface FieldReader extends Serializable {
    /** The value of column {@code index} (from 1), null for SQL NULL. */
    Object read(ResultSet resultSet, int index) throws SQLException;
  }

  private static final Set<Integer> INTEGERS = Set.of(Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT);

  /** Fails naming the column unless the connector can read and write values of {@code type}. */
  static void checkSupported(LogicalType type, String table, String column) {
    if (!isSupported(type)) {
      throw new ValidationException("Table " + table + ": column '" + column + "' has the type "
          + type.asSummaryString() + ", which the jdbc connector does not map to a database type; it maps BOOLEAN,"
          + " TINYINT, SMALLINT, INT, BIGINT, FLOAT, DOUBLE, DECIMAL, CHAR, VARCHAR/STRING, BINARY, VARBINARY/BYTES,"
          + " DATE, TIME, TIMESTAMP, TIMESTAMP_LTZ and ARRAYs of those");
    }
  }

  private static boolean isSupported(LogicalType type) {
    switch (type.getTypeRoot()) {
      case BOOLEAN, TINYINT, SMALLINT, INTEGER, BIGINT, FLOAT, DOUBLE, DECIMAL, CHAR, VARCHAR, BINARY, VARBINARY,
          DATE, TIME_WITHOUT_TIME_ZONE, TIMESTAMP_WITHOUT_TIME_ZONE, TIMESTAMP_WITH_LOCAL_TIME_ZONE:
        return true;
      case ARRAY:
        LogicalType element = ((ArrayType) type).getElementType();
        return !element.is(io.spate.table.types.logical.LogicalTypeRoot.ARRAY) && isSupported(element)
            && !element.is(LogicalTypeFamily.BINARY_STRING);
      default:
        return false;
    }
  }

  /** Whether a database column of JDBC type {@code jdbcType} reads into {@code type}. */
  static boolean readsFrom(LogicalType type, int jdbcType) {
    switch (type.getTypeRoot()) {
      case BOOLEAN:
        return jdbcType == Types.BOOLEAN || jdbcType == Types.BIT;
      case TINYINT, SMALLINT, INTEGER, BIGINT:
        return INTEGERS.contains(jdbcType);
      case FLOAT, DOUBLE, DECIMAL:
        return INTEGERS.contains(jdbcType) || jdbcType == Types.REAL || jdbcType == Types.FLOAT
            || jdbcType == Types.DOUBLE || jdbcType == Types.NUMERIC || jdbcType == Types.DECIMAL;
      case CHAR, VARCHAR:
        return true; // every value has a text form
      case BINARY, VARBINARY:
        return jdbcType == Types.BINARY || jdbcType == Types.VARBINARY || jdbcType == Types.LONGVARBINARY
            || jdbcType == Types.BLOB;
      case DATE:
        return jdbcType == Types.DATE;
      case TIME_WITHOUT_TIME_ZONE:
        return jdbcType == Types.TIME;
      case TIMESTAMP_WITHOUT_TIME_ZONE, TIMESTAMP_WITH_LOCAL_TIME_ZONE:
        return jdbcType == Types.TIMESTAMP || jdbcType == Types.TIMESTAMP_WITH_TIMEZONE;
      case ARRAY:
        return jdbcType == Types.ARRAY;
      default:
        return false;
    }
  }

  /** The reader of a column of {@code type}. */
  static FieldReader reader(LogicalType type) {
    switch (type.getTypeRoot()) {
      case BOOLEAN:
        return (rs, i) -> nullable(rs, rs.getBoolean(i));
      case TINYINT:
        return (rs, i) -> nullable(rs, rs.getByte(i));
      case SMALLINT:
        return (rs, i) -> nullable(rs, rs.getShort(i));
      case INTEGER:
        return (rs, i) -> nullable(rs, rs.getInt(i));
      case BIGINT:
        return (rs, i) -> nullable(rs, rs.getLong(i));
      case FLOAT:
        return (rs, i) -> nullable(rs, rs.getFloat(i));
      case DOUBLE:
        return (rs, i) -> nullable(rs, rs.getDouble(i));
      case DECIMAL:
        int scale = ((DecimalType) type).getScale();
        return (rs, i) -> {
          BigDecimal value = rs.getBigDecimal(i);
          return value == null ? null : value.setScale(scale, RoundingMode.HALF_UP);
        };
      case CHAR, VARCHAR:
        return ResultSet::getString;
      case BINARY, VARBINARY:
        return ResultSet::getBytes;
      case DATE:
        return (rs, i) -> rs.getObject(i, LocalDate.class);
      case TIME_WITHOUT_TIME_ZONE:
        return (rs, i) -> rs.getObject(i, LocalTime.class);
      case TIMESTAMP_WITHOUT_TIME_ZONE:
        return (rs, i) -> rs.getObject(i, LocalDateTime.class);
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
        return (rs, i) -> {
          Timestamp value = rs.getTimestamp(i);
          return value == null ? null : value.toInstant();
        };
      case ARRAY:
        LogicalType elementType = ((ArrayType) type).getElementType();
        Class<?> elementClass = TypeInfos.of(elementType).getTypeClass();
        return (rs, i) -> {
          Array array = rs.getArray(i);
          if (array == null) {
            return null;
          }
          Object[] elements = (Object[]) array.getArray();
          Object[] typed = (Object[]) java.lang.reflect.Array.newInstance(elementClass, elements.length);
          for (int e = 0; e < elements.length; e++) {
            typed[e] = element(elements[e], elementClass);
          }
          return typed;
        };
      default:
        throw new IllegalArgumentException("No reader of " + type.asSummaryString());
    }
  }

  private static Object nullable(ResultSet resultSet, Object value) throws SQLException {
    return resultSet.wasNull() ? null : value;
  }

  /** An array element as the class SQL rows carry, from the class the driver gives. */
  private static Object element(Object value, Class<?> target) {
    if (value == null || target.isInstance(value)) {
      return value;
    }
    if (value instanceof Number number) {
      if (target == Long.class) {
        return number.longValue();
      } else if (target == Integer.class) {
        return number.intValue();
      } else if (target == Short.class) {
        return number.shortValue();
      } else if (target == Byte.class) {
        return number.byteValue();
      } else if (target == Double.class) {
        return number.doubleValue();
      } else if (target == Float.class) {
        return number.floatValue();
      } else if (target == BigDecimal.class) {
        return new BigDecimal(number.toString());
      }
    }
    if (value instanceof Date date && target == LocalDate.class) {
      return date.toLocalDate();
    }
    if (value instanceof Time time && target == LocalTime.class) {
      return time.toLocalTime();
    }
    if (value instanceof Timestamp timestamp) {
      return target == Instant.class ? timestamp.toInstant() : timestamp.toLocalDateTime();
    }
    if (target == String.class) {
      return value.toString();
    }
    throw new IllegalArgumentException("an array element " + value + " (" + value.getClass().getName()
        + ") is not a " + target.getSimpleName());
  }

  /** The setter of a parameter of {@code type}. */
  static JdbcUpsertSink.FieldSetter setter(LogicalType type) {
    int sqlType = sqlType(type);
    switch (type.getTypeRoot()) {
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
        return (statement, index, value) -> {
          if (value == null) {
            statement.setNull(index, sqlType);
          } else {
            statement.setObject(index, OffsetDateTime.ofInstant((Instant) value, ZoneOffset.UTC));
          }
        };
      case ARRAY:
        String elementName = postgresTypeName(((ArrayType) type).getElementType());
        return (statement, index, value) -> {
          if (value == null) {
            statement.setNull(index, Types.ARRAY);
          } else {
            statement.setArray(index, statement.getConnection().createArrayOf(elementName, (Object[]) value));
          }
        };
      default:
        return (statement, index, value) -> setOrNull(statement, index, value, sqlType);
    }
  }

  private static void setOrNull(PreparedStatement statement, int index, Object value, int sqlType)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, sqlType);
    } else {
      statement.setObject(index, value);
    }
  }

  /** The {@link Types} constant of {@code type}'s values. */
  static int sqlType(LogicalType type) {
    switch (type.getTypeRoot()) {
      case BOOLEAN:
        return Types.BOOLEAN;
      case TINYINT:
        return Types.TINYINT;
      case SMALLINT:
        return Types.SMALLINT;
      case INTEGER:
        return Types.INTEGER;
      case BIGINT:
        return Types.BIGINT;
      case FLOAT:
        return Types.REAL;
      case DOUBLE:
        return Types.DOUBLE;
      case DECIMAL:
        return Types.NUMERIC;
      case CHAR, VARCHAR:
        return Types.VARCHAR;
      case BINARY, VARBINARY:
        return Types.BINARY;
      case DATE:
        return Types.DATE;
      case TIME_WITHOUT_TIME_ZONE:
        return Types.TIME;
      case TIMESTAMP_WITHOUT_TIME_ZONE:
        return Types.TIMESTAMP;
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
        return Types.TIMESTAMP_WITH_TIMEZONE;
      case ARRAY:
        return Types.ARRAY;
      default:
        return Types.OTHER;
    }
  }

  /** PostgreSQL's name of the type of array elements of {@code type}. */
  private static String postgresTypeName(LogicalType type) {
    switch (type.getTypeRoot()) {
      case BOOLEAN:
        return "bool";
      case TINYINT, SMALLINT:
        return "int2";
      case INTEGER:
        return "int4";
      case BIGINT:
        return "int8";
      case FLOAT:
        return "float4";
      case DOUBLE:
        return "float8";
      case DECIMAL:
        return "numeric";
      case DATE:
        return "date";
      case TIME_WITHOUT_TIME_ZONE:
        return "time";
      case TIMESTAMP_WITHOUT_TIME_ZONE:
        return "timestamp";
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
        return "timestamptz";
      default:
        return "text";
    }
  }
}
