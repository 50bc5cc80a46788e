package io.spate.table.api.internal;

import io.spate.api.annotation.Internal;
import io.spate.api.datastream.CloseableIterator;
import io.spate.api.types.Row;
import io.spate.table.types.logical.LogicalType;
import io.spate.table.types.logical.LogicalTypeRoot;
import io.spate.table.types.logical.YearMonthIntervalType;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;

/**
 * Gives the interval columns of a query's result in their Java classes, as Flink's {@code collect()} does:
 * a day-time interval as a {@link Duration}, a year-month interval as a {@link java.time.Period}. Inside the
 * job they are milliseconds ({@code Long}) and months ({@code Integer}), which the expressions compute with.
 */
@Internal
final class IntervalResults {

  private IntervalResults() {}

  /** {@code rows} with the interval columns of {@code types} converted; {@code rows} itself if there are none. */
  static CloseableIterator<Row> convert(CloseableIterator<Row> rows, List<LogicalType> types) {
    if (types.stream().noneMatch(IntervalResults::isInterval)) {
      return rows;
    }
    Iterator<Row> converted = new Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public Row next() {
        return convert(rows.next(), types);
      }
    };
    return CloseableIterator.adapterForIterator(converted, rows::close);
  }

  private static Row convert(Row row, List<LogicalType> types) {
    Row copy = Row.copy(row);
    for (int i = 0; i < types.size(); i++) {
      Object value = copy.getField(i);
      if (value instanceof Number number) {
        LogicalType type = types.get(i);
        if (type.is(LogicalTypeRoot.INTERVAL_DAY_TIME)) {
          copy.setField(i, Duration.ofMillis(number.longValue()));
        } else if (type instanceof YearMonthIntervalType yearMonth) {
          copy.setField(i, yearMonth.toPeriod(number.intValue()));
        }
      }
    }
    return copy;
  }

  private static boolean isInterval(LogicalType type) {
    return type.is(LogicalTypeRoot.INTERVAL_DAY_TIME) || type.is(LogicalTypeRoot.INTERVAL_YEAR_MONTH);
  }
}
