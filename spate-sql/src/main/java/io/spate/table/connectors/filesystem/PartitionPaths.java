package io.spate.table.connectors.filesystem;

import io.spate.api.annotation.Internal;
import io.spate.table.formats.common.TemporalText;
import io.spate.table.formats.common.TimestampFormat;
import io.spate.table.types.logical.LogicalType;
import io.spate.table.types.logical.TimeType;
import io.spate.table.types.logical.TimestampType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Partition directories {@code key=value} as Flink's filesystem connector names them: values as
 * text, characters that cannot be in a directory name escaped as {@code %XX}, NULL (and the empty
 * string) as the default partition name.
 */
@Internal
final class PartitionPaths {

  private PartitionPaths() {}

  /** Fails naming the column if values of {@code type} cannot be a partition directory's name. */
  static void checkPartitionType(String table, String column, LogicalType type) {
    switch (type.getTypeRoot()) {
      case CHAR:
      case VARCHAR:
      case BOOLEAN:
      case TINYINT:
      case SMALLINT:
      case INTEGER:
      case BIGINT:
      case DECIMAL:
      case FLOAT:
      case DOUBLE:
      case DATE:
      case TIME_WITHOUT_TIME_ZONE:
      case TIMESTAMP_WITHOUT_TIME_ZONE:
        return;
      default:
        throw new io.spate.table.api.ValidationException("Table " + table + " is partitioned by '" + column
            + "' of type " + type.asSummaryString() + ", which the filesystem connector cannot put into a directory"
            + " name; partition by a string, number, boolean, date, time or timestamp column");
    }
  }

  /** The text of a partition value in a directory name (unescaped); null for the default partition. */
  static String text(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof LocalDateTime t) {
      return TemporalText.timestamp(t, TimestampFormat.SQL);
    }
    if (value instanceof LocalTime t) {
      return TemporalText.time(t);
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    String text = value.toString();
    return text.isEmpty() ? null : text;
  }

  /** The value of a partition of type {@code type} whose (unescaped) text is {@code text}. */
  static Object parse(String text, LogicalType type) {
    switch (type.getTypeRoot()) {
      case CHAR:
      case VARCHAR:
        return text;
      case BOOLEAN:
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
          return Boolean.parseBoolean(text);
        }
        throw new IllegalArgumentException("'" + text + "' is not a BOOLEAN");
      case TINYINT:
        return Byte.parseByte(text);
      case SMALLINT:
        return Short.parseShort(text);
      case INTEGER:
        return Integer.parseInt(text);
      case BIGINT:
        return Long.parseLong(text);
      case DECIMAL:
        return new BigDecimal(text).setScale(((io.spate.table.types.logical.DecimalType) type).getScale(),
            java.math.RoundingMode.HALF_UP);
      case FLOAT:
        return Float.parseFloat(text);
      case DOUBLE:
        return Double.parseDouble(text);
      case DATE:
        return TemporalText.parseDate(text);
      case TIME_WITHOUT_TIME_ZONE:
        return TemporalText.parseTime(text, ((TimeType) type).getPrecision());
      case TIMESTAMP_WITHOUT_TIME_ZONE:
        return TemporalText.parseTimestamp(text, TimestampFormat.SQL, true, ((TimestampType) type).getPrecision());
      default:
        throw new IllegalArgumentException("cannot read a partition value of type " + type.asSummaryString());
    }
  }

  /** {@code text} with every character that is unsafe in a directory name written as {@code %XX}. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      int b = bytes[i] & 0xff;
      boolean unsafe = b < 0x20 || b == 0x7f || b == '/' || b == '\\' || b == '%' || b == '=' || b == ':'
          || b == '"' || b == '\'' || b == '*' || b == '?' || b == '#' || b == '{' || b == '}' || b == '['
          || b == ']' || b == '^' || (i == 0 && (b == '.' || b == '_'));
      if (unsafe) {
        out.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
      } else {
        out.append((char) b);
      }
    }
    // Non-ASCII bytes were appended one by one; put the UTF-8 back together.
    return new String(out.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
  }

  /** The text an {@link #escape}d name stands for. */
  static String unescape(String name) {
    byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(bytes.length);
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '%' && i + 2 < bytes.length) {
        int high = Character.digit(bytes[i + 1], 16);
        int low = Character.digit(bytes[i + 2], 16);
        if (high >= 0 && low >= 0) {
          out.write(high << 4 | low);
          i += 2;
          continue;
        }
      }
      out.write(bytes[i]);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** The {@code key=value} directories of {@code file} below {@code root}, unescaped, in path order. */
  static Map<String, String> partitionsOf(Path root, Path file) {
    Map<String, String> partitions = new LinkedHashMap<>();
    Path relative = root.relativize(file);
    for (int i = 0; i < relative.getNameCount() - 1; i++) {
      String part = relative.getName(i).toString();
      int equals = part.indexOf('=');
      if (equals > 0) {
        partitions.put(unescape(part.substring(0, equals)), unescape(part.substring(equals + 1)));
      }
    }
    return partitions;
  }

  /** Whether {@code file} below {@code root} is hidden: a part of its path starts with {@code .} or {@code _}. */
  static boolean isHidden(Path root, Path file) {
    Path relative = root.relativize(file);
    for (Path part : relative) {
      String name = part.toString();
      if (name.startsWith(".") || name.startsWith("_")) {
        return true;
      }
    }
    return false;
  }
}
