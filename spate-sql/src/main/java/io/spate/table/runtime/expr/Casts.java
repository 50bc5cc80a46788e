package io.spate.table.runtime.expr;

import io.spate.api.annotation.Internal;
import io.spate.table.api.TableException;
import io.spate.table.runtime.expr.ValueType.Kind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * SQL's {@code CAST} between the run-time classes of SQL types, as Flink casts: numbers narrow as
 * Java does, strings parse (trimmed) and fail with a message naming the value when they cannot,
 * {@code TRY_CAST} gives NULL instead, and timestamps print with as many fractional digits as their
 * precision.
 */
@Internal
public final class Casts {

  private Casts() {}

  /** {@code value} of type {@code from} as a value of type {@code to}; {@code zone} is the session's time zone. */
  public static Object cast(Object value, ValueType from, ValueType to, ZoneId zone) {
    if (value == null) {
      return null;
    }
    Kind target = to.kind();
    if (target.isNumeric()) {
      if (value instanceof Number n) {
        return Numbers.convert(n, to);
      }
      if (value instanceof String s) {
        return Numbers.convert(parseNumber(s.trim(), to), to);
      }
      if (value instanceof Boolean b) {
        return Numbers.convert(b ? 1 : 0, to);
      }
      if (value instanceof Instant i) {
        // As Flink: a TIMESTAMP_LTZ as a number is its epoch seconds (with the milliseconds as a fraction).
        return Numbers.convert(BigDecimal.valueOf(i.toEpochMilli(), 3), to);
      }
    }
    switch (target) {
      case CHAR:
      case VARCHAR:
        return fitLength(toText(value, from, zone), to);
      case BOOLEAN:
        if (value instanceof Boolean) {
          return value;
        }
        if (value instanceof Number n) {
          return Numbers.compare(n, 0) != 0;
        }
        if (value instanceof String s) {
          return parseBoolean(s.trim());
        }
        break;
      case DATE:
        if (value instanceof LocalDate) {
          return value;
        }
        if (value instanceof LocalDateTime t) {
          return t.toLocalDate();
        }
        if (value instanceof Instant i) {
          return LocalDateTime.ofInstant(i, zone).toLocalDate();
        }
        if (value instanceof String s) {
          return parse(s.trim(), "DATE", () -> LocalDate.parse(s.trim()));
        }
        break;
      case TIME:
        if (value instanceof LocalTime t) {
          return truncate(t, to.precision());
        }
        if (value instanceof LocalDateTime t) {
          return truncate(t.toLocalTime(), to.precision());
        }
        if (value instanceof Instant i) {
          return truncate(LocalDateTime.ofInstant(i, zone).toLocalTime(), to.precision());
        }
        if (value instanceof String s) {
          return truncate(parse(s.trim(), "TIME", () -> LocalTime.parse(s.trim())), to.precision());
        }
        break;
      case TIMESTAMP:
        if (value instanceof LocalDateTime t) {
          return truncate(t, to.precision());
        }
        if (value instanceof LocalDate d) {
          return d.atStartOfDay();
        }
        if (value instanceof Instant i) {
          return truncate(LocalDateTime.ofInstant(i, zone), to.precision());
        }
        if (value instanceof String s) {
          return truncate(parseTimestamp(s.trim()), to.precision());
        }
        break;
      case TIMESTAMP_LTZ:
        if (value instanceof Instant i) {
          return truncate(i, to.precision());
        }
        if (value instanceof LocalDateTime t) {
          return truncate(t.atZone(zone).toInstant(), to.precision());
        }
        if (value instanceof LocalDate d) {
          return d.atStartOfDay(zone).toInstant();
        }
        if (value instanceof Number n && from.kind().isNumeric()) {
          // As Flink: a number as a TIMESTAMP_LTZ counts seconds since the epoch.
          return truncate(Instant.ofEpochMilli(new BigDecimal(n.toString()).movePointRight(3).longValue()),
              to.precision());
        }
        if (value instanceof String s) {
          return truncate(parseTimestamp(s.trim()).atZone(zone).toInstant(), to.precision());
        }
        break;
      case BINARY:
        if (value instanceof byte[]) {
          return value;
        }
        if (value instanceof String s) {
          return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        break;
      default:
        if (from.kind() == target) {
          return value;
        }
    }
    throw new TableException("Cannot cast " + describe(value) + " of type " + from.kind() + " to " + target);
  }

  /** The text SQL shows for {@code value} of type {@code type}: what {@code CAST(value AS STRING)} gives. */
  public static String toText(Object value, ValueType type, ZoneId zone) {
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof Number n && type.kind() == Kind.INTERVAL_MILLIS) {
      return IntervalFormats.dayTime(n.longValue());
    }
    if (value instanceof Number n && type.kind() == Kind.INTERVAL_MONTHS) {
      return IntervalFormats.yearMonth(n.intValue());
    }
    String interval = IntervalFormats.ofJava(value);
    if (interval != null) {
      return interval;
    }
    if (value instanceof Boolean b) {
      return b ? "TRUE" : "FALSE";
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (value instanceof LocalDateTime t) {
      return TimeFormats.timestamp(t, type.precision() < 0 ? 6 : type.precision());
    }
    if (value instanceof Instant i) {
      return TimeFormats.timestamp(LocalDateTime.ofInstant(i, zone), type.precision() < 0 ? 6 : type.precision());
    }
    if (value instanceof LocalTime t) {
      return TimeFormats.time(t, type.precision() < 0 ? 0 : type.precision());
    }
    if (value instanceof byte[] bytes) {
      return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }
    if (value instanceof Object[] || value instanceof io.spate.api.types.Row || value instanceof java.util.Map<?, ?>) {
      Object shown = IntervalFormats.textInside(value);
      return shown instanceof Object[] array ? java.util.Arrays.deepToString(array) : String.valueOf(shown);
    }
    return String.valueOf(value);
  }

  private static String fitLength(String text, ValueType to) {
    int length = to.precision();
    if (length <= 0 || length == Integer.MAX_VALUE) {
      return text;
    }
    if (text.length() > length) {
      return text.substring(0, length);
    }
    if (to.kind() == Kind.CHAR && text.length() < length) {
      return text + " ".repeat(length - text.length());
    }
    return text;
  }

  private static Number parseNumber(String text, ValueType to) {
    try {
      if (to.kind().isIntegral()) {
        return Long.parseLong(text);
      }
      if (to.kind() == Kind.DECIMAL) {
        return new BigDecimal(text);
      }
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new TableException("Cannot cast '" + text + "' to " + to.kind() + ": it is not a number"
          + (to.kind().isIntegral() ? " of that type" : ""), e);
    }
  }

  private static Boolean parseBoolean(String text) {
    switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "t", "yes", "y", "1":
        return true;
      case "false", "f", "no", "n", "0":
        return false;
      default:
        throw new TableException("Cannot cast '" + text + "' to BOOLEAN");
    }
  }

  /** Parses {@code yyyy-MM-dd[ HH:mm[:ss[.f...]]]} (a 'T' may separate date and time). */
  static LocalDateTime parseTimestamp(String text) {
    return parse(text, "TIMESTAMP", () -> {
      String iso = text.replace(' ', 'T');
      if (iso.length() == 10) {
        return LocalDate.parse(iso).atStartOfDay();
      }
      return LocalDateTime.parse(iso);
    });
  }

  private static <T> T parse(String text, String type, java.util.function.Supplier<T> parser) {
    try {
      return parser.get();
    } catch (DateTimeParseException e) {
      throw new TableException("Cannot cast '" + text + "' to " + type + ": " + e.getMessage(), e);
    }
  }

  private static LocalDateTime truncate(LocalDateTime t, int precision) {
    return precision < 0 || precision >= 9 ? t : t.withNano(truncateNanos(t.getNano(), precision));
  }

  private static LocalTime truncate(LocalTime t, int precision) {
    return precision < 0 || precision >= 9 ? t : t.withNano(truncateNanos(t.getNano(), precision));
  }

  private static Instant truncate(Instant i, int precision) {
    return precision < 0 || precision >= 9 ? i : Instant.ofEpochSecond(i.getEpochSecond(),
        truncateNanos(i.getNano(), precision));
  }

  private static int truncateNanos(int nanos, int precision) {
    int unit = (int) Math.pow(10, 9 - precision);
    return nanos / unit * unit;
  }

  private static String describe(Object value) {
    return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
  }
}
