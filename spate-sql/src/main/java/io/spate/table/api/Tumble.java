package io.spate.table.api;

import io.spate.api.annotation.PublicEvolving;
import io.spate.table.expressions.Expression;

/** Tumbling windows of the Table API: {@code Tumble.over(lit(10).minutes()).on($("ts")).as("w")}. */
@PublicEvolving
public final class Tumble {

  private Tumble() {}

  /** Windows of {@code size}, an interval such as {@code lit(10).minutes()}. */
  public static WithSize over(Expression size) {
    return new WithSize(size);
  }

  /** A tumbling window with its size. */
  public static final class WithSize {
    private final Expression size;

    WithSize(Expression size) {
      this.size = size;
    }

    /** The time attribute that places rows in windows. */
    public OnTime on(Expression timeField) {
      return new OnTime(size, timeField);
    }
  }

  /** A tumbling window with its size and time attribute. */
  public static final class OnTime {
    private final Expression size;
    private final Expression timeField;

    OnTime(Expression size, Expression timeField) {
      this.size = size;
      this.timeField = timeField;
    }

    /** The window named {@code alias}. */
    public GroupWindow as(String alias) {
      return new GroupWindow(alias, timeField) {
        @Override
        public String tableFunction(String table) {
          return "TUMBLE(TABLE " + table + ", DESCRIPTOR(" + timeField.asSerializableString() + "), "
              + size.asSerializableString() + ")";
        }
      };
    }
  }
}
