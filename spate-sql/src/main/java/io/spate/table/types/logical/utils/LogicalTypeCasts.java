package io.spate.table.types.logical.utils;

import static io.spate.table.types.logical.LogicalTypeRoot.BIGINT;
import static io.spate.table.types.logical.LogicalTypeRoot.BINARY;
import static io.spate.table.types.logical.LogicalTypeRoot.CHAR;
import static io.spate.table.types.logical.LogicalTypeRoot.DATE;
import static io.spate.table.types.logical.LogicalTypeRoot.DECIMAL;
import static io.spate.table.types.logical.LogicalTypeRoot.DOUBLE;
import static io.spate.table.types.logical.LogicalTypeRoot.FLOAT;
import static io.spate.table.types.logical.LogicalTypeRoot.INTEGER;
import static io.spate.table.types.logical.LogicalTypeRoot.SMALLINT;
import static io.spate.table.types.logical.LogicalTypeRoot.TIMESTAMP_WITHOUT_TIME_ZONE;
import static io.spate.table.types.logical.LogicalTypeRoot.TIMESTAMP_WITH_LOCAL_TIME_ZONE;
import static io.spate.table.types.logical.LogicalTypeRoot.TIME_WITHOUT_TIME_ZONE;
import static io.spate.table.types.logical.LogicalTypeRoot.TINYINT;
import static io.spate.table.types.logical.LogicalTypeRoot.VARBINARY;
import static io.spate.table.types.logical.LogicalTypeRoot.VARCHAR;

import io.spate.api.annotation.Internal;
import io.spate.table.types.logical.DayTimeIntervalType;
import io.spate.table.types.logical.LogicalType;
import io.spate.table.types.logical.LogicalTypeFamily;
import io.spate.table.types.logical.LogicalTypeRoot;
import io.spate.table.types.logical.YearMonthIntervalType;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Flink's implicit casts between logical types: the conversions that lose no information (a number into a wider
 * number, a string into a longer string kind, a timestamp into a date), which an {@code INSERT} applies to fit a
 * query's columns to its sink's. A string into a number, a number into a narrower one, anything into a boolean but
 * a boolean are explicit casts only.
 */
@Internal
public final class LogicalTypeCasts {

  /** For each target root, the source roots that cast into it implicitly, besides the root itself. */
  private static final Map<LogicalTypeRoot, Set<LogicalTypeRoot>> IMPLICIT_FROM = new EnumMap<>(LogicalTypeRoot.class);

  static {
    IMPLICIT_FROM.put(VARCHAR, EnumSet.of(CHAR));
    IMPLICIT_FROM.put(VARBINARY, EnumSet.of(BINARY));
    IMPLICIT_FROM.put(SMALLINT, EnumSet.of(TINYINT));
    IMPLICIT_FROM.put(INTEGER, EnumSet.of(TINYINT, SMALLINT));
    IMPLICIT_FROM.put(BIGINT, EnumSet.of(TINYINT, SMALLINT, INTEGER));
    IMPLICIT_FROM.put(FLOAT, EnumSet.of(TINYINT, SMALLINT, INTEGER, BIGINT, DECIMAL));
    IMPLICIT_FROM.put(DOUBLE, EnumSet.of(TINYINT, SMALLINT, INTEGER, BIGINT, DECIMAL, FLOAT));
    IMPLICIT_FROM.put(DECIMAL, EnumSet.of(TINYINT, SMALLINT, INTEGER, BIGINT, FLOAT, DOUBLE));
    IMPLICIT_FROM.put(DATE, EnumSet.of(TIMESTAMP_WITHOUT_TIME_ZONE));
    IMPLICIT_FROM.put(TIME_WITHOUT_TIME_ZONE, EnumSet.of(TIMESTAMP_WITHOUT_TIME_ZONE));
    IMPLICIT_FROM.put(TIMESTAMP_WITHOUT_TIME_ZONE, EnumSet.of(TIMESTAMP_WITH_LOCAL_TIME_ZONE));
    IMPLICIT_FROM.put(TIMESTAMP_WITH_LOCAL_TIME_ZONE, EnumSet.of(TIMESTAMP_WITHOUT_TIME_ZONE));
  }

  private LogicalTypeCasts() {}

  /**
   * Whether values of {@code source} cast implicitly into {@code target}, as Flink decides it: never a nullable
   * type into a NOT NULL one; the NULL type into anything; a single-field interval (such as {@code INTERVAL
   * SECOND(3)}) to and from an exact number; an ARRAY, MULTISET, MAP or ROW into one of the same kind whose
   * element, key, value or field types (by position, whatever the names) each take the source's.
   */
  public static boolean supportsImplicitCast(LogicalType source, LogicalType target) {
    return implicitCast(source, target, true);
  }

  /**
   * {@link #supportsImplicitCast}, nullability aside at every level: whether an {@code INSERT} takes a query's
   * column of {@code source} into a sink column of {@code target}, as Flink plans it (Flink leaves NOT NULL sink
   * columns to a check of each row when the job runs).
   */
  public static boolean supportsImplicitCastIntoSink(LogicalType source, LogicalType target) {
    return implicitCast(source, target, false);
  }

  private static boolean implicitCast(LogicalType source, LogicalType target, boolean nullability) {
    if (nullability && source.isNullable() && !target.isNullable()) {
      return false;
    }
    if (source.copy(true).equals(target.copy(true))) {
      return true;
    }
    LogicalTypeRoot from = source.getTypeRoot();
    LogicalTypeRoot to = target.getTypeRoot();
    if (from == LogicalTypeRoot.NULL) {
      return true;
    }
    boolean fromInterval = from.getFamilies().contains(LogicalTypeFamily.INTERVAL);
    boolean toInterval = to.getFamilies().contains(LogicalTypeFamily.INTERVAL);
    if (fromInterval && to.getFamilies().contains(LogicalTypeFamily.EXACT_NUMERIC)) {
      return isSingleFieldInterval(source);
    }
    if (toInterval && from.getFamilies().contains(LogicalTypeFamily.EXACT_NUMERIC)) {
      return isSingleFieldInterval(target);
    }
    boolean fromConstructed = from.getFamilies().contains(LogicalTypeFamily.CONSTRUCTED);
    if (fromConstructed || to.getFamilies().contains(LogicalTypeFamily.CONSTRUCTED)) {
      return from == to && childrenCast(source.getChildren(), target.getChildren(), nullability);
    }
    return from == to || IMPLICIT_FROM.getOrDefault(to, Set.of()).contains(from);
  }

  private static boolean childrenCast(List<LogicalType> sources, List<LogicalType> targets, boolean nullability) {
    if (sources.size() != targets.size()) {
      return false;
    }
    for (int i = 0; i < sources.size(); i++) {
      if (!implicitCast(sources.get(i), targets.get(i), nullability)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isSingleFieldInterval(LogicalType type) {
    if (type instanceof YearMonthIntervalType yearMonth) {
      return yearMonth.getResolution() != YearMonthIntervalType.YearMonthResolution.YEAR_TO_MONTH;
    }
    if (type instanceof DayTimeIntervalType dayTime) {
      switch (dayTime.getResolution()) {
        case DAY:
        case HOUR:
        case MINUTE:
        case SECOND:
          return true;
        default:
          return false;
      }
    }
    return false;
  }
}
