package io.spate.table.types.logical;

import static io.spate.table.types.logical.LogicalTypeFamily.APPROXIMATE_NUMERIC;
import static io.spate.table.types.logical.LogicalTypeFamily.BINARY_STRING;
import static io.spate.table.types.logical.LogicalTypeFamily.CHARACTER_STRING;
import static io.spate.table.types.logical.LogicalTypeFamily.COLLECTION;
import static io.spate.table.types.logical.LogicalTypeFamily.CONSTRUCTED;
import static io.spate.table.types.logical.LogicalTypeFamily.DATETIME;
import static io.spate.table.types.logical.LogicalTypeFamily.EXACT_NUMERIC;
import static io.spate.table.types.logical.LogicalTypeFamily.EXTENSION;
import static io.spate.table.types.logical.LogicalTypeFamily.INTEGER_NUMERIC;
import static io.spate.table.types.logical.LogicalTypeFamily.INTERVAL;
import static io.spate.table.types.logical.LogicalTypeFamily.NUMERIC;
import static io.spate.table.types.logical.LogicalTypeFamily.PREDEFINED;
import static io.spate.table.types.logical.LogicalTypeFamily.USER_DEFINED;

import io.spate.api.annotation.PublicEvolving;
import java.util.EnumSet;
import java.util.Set;

/**
 * The kind of a {@link LogicalType} regardless of its parameters: every {@code VARCHAR(n)} has the root
 * {@link #VARCHAR}. The roots are Flink's; Spate has logical types for all of them except the intervals,
 * {@code TIMESTAMP WITH TIME ZONE}, the user-defined types, {@code RAW}, {@code SYMBOL}, {@code UNRESOLVED} and
 * {@code DESCRIPTOR}, which are listed so that code switching over roots ports unchanged.
 */
@PublicEvolving
public enum LogicalTypeRoot {
  CHAR(PREDEFINED, CHARACTER_STRING),
  VARCHAR(PREDEFINED, CHARACTER_STRING),
  BOOLEAN(PREDEFINED),
  BINARY(PREDEFINED, BINARY_STRING),
  VARBINARY(PREDEFINED, BINARY_STRING),
  DECIMAL(PREDEFINED, NUMERIC, EXACT_NUMERIC),
  TINYINT(PREDEFINED, NUMERIC, INTEGER_NUMERIC, EXACT_NUMERIC),
  SMALLINT(PREDEFINED, NUMERIC, INTEGER_NUMERIC, EXACT_NUMERIC),
  INTEGER(PREDEFINED, NUMERIC, INTEGER_NUMERIC, EXACT_NUMERIC),
  BIGINT(PREDEFINED, NUMERIC, INTEGER_NUMERIC, EXACT_NUMERIC),
  FLOAT(PREDEFINED, NUMERIC, APPROXIMATE_NUMERIC),
  DOUBLE(PREDEFINED, NUMERIC, APPROXIMATE_NUMERIC),
  DATE(PREDEFINED, DATETIME),
  TIME_WITHOUT_TIME_ZONE(PREDEFINED, DATETIME, LogicalTypeFamily.TIME),
  TIMESTAMP_WITHOUT_TIME_ZONE(PREDEFINED, DATETIME, LogicalTypeFamily.TIMESTAMP),
  TIMESTAMP_WITH_TIME_ZONE(PREDEFINED, DATETIME, LogicalTypeFamily.TIMESTAMP),
  TIMESTAMP_WITH_LOCAL_TIME_ZONE(PREDEFINED, DATETIME, LogicalTypeFamily.TIMESTAMP, EXTENSION),
  INTERVAL_YEAR_MONTH(PREDEFINED, INTERVAL),
  INTERVAL_DAY_TIME(PREDEFINED, INTERVAL),
  ARRAY(CONSTRUCTED, COLLECTION),
  MULTISET(CONSTRUCTED, COLLECTION),
  MAP(CONSTRUCTED, EXTENSION),
  ROW(CONSTRUCTED),
  DISTINCT_TYPE(USER_DEFINED),
  STRUCTURED_TYPE(USER_DEFINED),
  NULL(EXTENSION),
  RAW(EXTENSION),
  SYMBOL(EXTENSION),
  UNRESOLVED(EXTENSION),
  DESCRIPTOR(EXTENSION);

  private final Set<LogicalTypeFamily> families;

  LogicalTypeRoot(LogicalTypeFamily first, LogicalTypeFamily... rest) {
    this.families = EnumSet.of(first, rest);
  }

  /** The families this root belongs to. */
  public Set<LogicalTypeFamily> getFamilies() {
    return families;
  }
}
