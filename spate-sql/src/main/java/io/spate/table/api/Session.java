package io.spate.table.api;

import io.spate.api.annotation.PublicEvolving;
import io.spate.table.expressions.Expression;

/**
 * Session windows of the Table API: {@code Session.withGap(lit(10).minutes()).on($("ts")).as("w")}, a
 * window per run of rows whose times are less than the gap apart. Spate runs it as the {@code SESSION}
 * window table function.
 */
@PublicEvolving
public final class Session {

  private Session() {}

  /** Windows that close after {@code gap} without rows, an interval such as {@code lit(10).minutes()}. */
  public static WithGap withGap(Expression gap) {
    return new WithGap(gap);
  }

  /** A session window with its gap. */
  public static final class WithGap {
    private final Expression gap;

    WithGap(Expression gap) {
      this.gap = gap;
    }

    /** The time attribute that places rows in windows. */
    public OnTime on(Expression timeField) {
      return new OnTime(gap, timeField);
    }
  }

  /** A session window with its gap and time attribute. */
  public static final class OnTime {
    private final Expression gap;
    private final Expression timeField;

    OnTime(Expression gap, Expression timeField) {
      this.gap = gap;
      this.timeField = timeField;
    }

    /** The window named {@code alias}. */
    public GroupWindow as(String alias) {
      return new GroupWindow(alias, timeField) {
        @Override
        public String tableFunction(String table) {
          return "SESSION(TABLE " + table + ", DESCRIPTOR(" + timeField.asSerializableString() + "), "
              + gap.asSerializableString() + ")";
        }
      };
    }
  }
}
