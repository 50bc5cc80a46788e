package io.spate.table.api;

import io.spate.api.annotation.PublicEvolving;
import io.spate.table.expressions.Expression;

/** Sliding (hopping) windows of the Table API: {@code Slide.over(lit(10).minutes()).every(lit(5).minutes()).on($("ts")).as("w")}. */
@PublicEvolving
public final class Slide {

  private Slide() {}

  /** Windows of {@code size}, an interval such as {@code lit(10).minutes()}. */
  public static WithSize over(Expression size) {
    return new WithSize(size);
  }

  /** A sliding window with its size. */
  public static final class WithSize {
    private final Expression size;

    WithSize(Expression size) {
      this.size = size;
    }

    /** A window starting every {@code slide}. */
    public WithSlide every(Expression slide) {
      return new WithSlide(size, slide);
    }
  }

  /** A sliding window with its size and slide. */
  public static final class WithSlide {
    private final Expression size;
    private final Expression slide;

    WithSlide(Expression size, Expression slide) {
      this.size = size;
      this.slide = slide;
    }

    /** The time attribute that places rows in windows. */
    public OnTime on(Expression timeField) {
      return new OnTime(size, slide, timeField);
    }
  }

  /** A sliding window with its size, slide and time attribute. */
  public static final class OnTime {
    private final Expression size;
    private final Expression slide;
    private final Expression timeField;

    OnTime(Expression size, Expression slide, Expression timeField) {
      this.size = size;
      this.slide = slide;
      this.timeField = timeField;
    }

    /** The window named {@code alias}. */
    public GroupWindow as(String alias) {
      return new GroupWindow(alias, timeField) {
        @Override
        public String tableFunction(String table) {
          return "HOP(TABLE " + table + ", DESCRIPTOR(" + timeField.asSerializableString() + "), "
              + slide.asSerializableString() + ", " + size.asSerializableString() + ")";
        }
      };
    }
  }
}
