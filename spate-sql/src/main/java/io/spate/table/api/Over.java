package io.spate.table.api;

import io.spate.api.annotation.PublicEvolving;
import io.spate.table.expressions.Expression;
import java.util.ArrayList;
import java.util.List;

/**
 * Over windows of the Table API, for aggregates over each row's neighbours:
 * {@code Over.partitionBy($("k")).orderBy($("ts")).preceding(rowInterval(10L)).as("w")}, used as
 * {@code table.window(w).select($("v").sum().over($("w")))}. Spate writes it as SQL's {@code WINDOW}
 * clause.
 */
@PublicEvolving
public final class Over {

  private Over() {}

  /** A window over the rows with the same {@code partitionBy} values. */
  public static OverWindowPartitioned partitionBy(Expression... partitionBy) {
    return new OverWindowPartitioned(List.of(partitionBy));
  }

  /** A window over all rows, ordered by the time attribute {@code orderBy}. */
  public static OverWindowPartitionedOrdered orderBy(Expression orderBy) {
    return new OverWindowPartitionedOrdered(List.of(), orderBy);
  }

  /** An over window with its partition keys. */
  public static final class OverWindowPartitioned {
    private final List<Expression> partitionBy;

    OverWindowPartitioned(List<Expression> partitionBy) {
      this.partitionBy = partitionBy;
    }

    /** Orders each partition's rows by the time attribute {@code orderBy}. */
    public OverWindowPartitionedOrdered orderBy(Expression orderBy) {
      return new OverWindowPartitionedOrdered(partitionBy, orderBy);
    }
  }

  /** An over window with its partition keys and order. */
  public static final class OverWindowPartitionedOrdered {
    private final List<Expression> partitionBy;
    private final Expression orderBy;

    OverWindowPartitionedOrdered(List<Expression> partitionBy, Expression orderBy) {
      this.partitionBy = partitionBy;
      this.orderBy = orderBy;
    }

    /**
     * The rows before the current one that the window holds: {@code UNBOUNDED_RANGE} or
     * {@code UNBOUNDED_ROW} (all), {@code rowInterval(n)} (n rows) or an interval such as
     * {@code lit(1).hours()} (the rows that recent).
     */
    public OverWindowPartitionedOrderedPreceding preceding(Expression preceding) {
      return new OverWindowPartitionedOrderedPreceding(partitionBy, orderBy, preceding);
    }

    /** The window named {@code alias}, holding every row up to the current one ({@code UNBOUNDED_RANGE}). */
    public OverWindow as(String alias) {
      return preceding(Expressions.UNBOUNDED_RANGE).as(alias);
    }
  }

  /** An over window with its partition keys, order and preceding rows. */
  public static final class OverWindowPartitionedOrderedPreceding {
    private final List<Expression> partitionBy;
    private final Expression orderBy;
    private final Expression preceding;

    OverWindowPartitionedOrderedPreceding(List<Expression> partitionBy, Expression orderBy, Expression preceding) {
      this.partitionBy = partitionBy;
      this.orderBy = orderBy;
      this.preceding = preceding;
    }

    /** The window named {@code alias}. */
    public OverWindow as(String alias) {
      List<String> keys = new ArrayList<>();
      for (Expression key : partitionBy) {
        keys.add(key.asSerializableString());
      }
      String spec = (keys.isEmpty() ? "" : "PARTITION BY " + String.join(", ", keys) + " ") + "ORDER BY "
          + orderBy.asSerializableString() + " " + frame(preceding.asSerializableString());
      return new OverWindow(alias, spec);
    }

    private static String frame(String preceding) {
      if (preceding.equals(Expressions.UNBOUNDED_RANGE.asSerializableString())) {
        return "RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW";
      }
      if (preceding.equals(Expressions.UNBOUNDED_ROW.asSerializableString())) {
        return "ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW";
      }
      if (preceding.startsWith(ApiExpression.ROW_INTERVAL)) {
        return "ROWS BETWEEN " + preceding.substring(ApiExpression.ROW_INTERVAL.length()) + " PRECEDING AND CURRENT ROW";
      }
      if (preceding.startsWith("INTERVAL ")) {
        return "RANGE BETWEEN " + preceding + " PRECEDING AND CURRENT ROW";
      }
      throw new ValidationException("preceding takes UNBOUNDED_RANGE, UNBOUNDED_ROW, rowInterval(n) or an interval"
          + " such as lit(1).hours(), not " + preceding);
    }
  }
}
