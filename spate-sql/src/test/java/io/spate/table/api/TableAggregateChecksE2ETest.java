package io.spate.table.api;

import static io.spate.table.api.Expressions.$;
import static io.spate.table.api.Expressions.call;
import static io.spate.table.api.TableResults.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.functions.Collector;
import io.spate.api.types.Row;
import io.spate.table.functions.AggregateFunction;
import io.spate.table.functions.FunctionContext;
import io.spate.table.functions.TableAggregateFunction;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What Flink checks around aggregates and table aggregates of the Table API, and the life cycle of a
 * table aggregate function: opened by each parallel instance of its operator before any row, closed at
 * its end.
 */
class TableAggregateChecksE2ETest {

  private static final String NO_AGGREGATES =
      "Aggregate functions are not supported in the select right after the aggregate or flatAggregate operation.";

  /** The largest value of a group, once, counting how often instances were opened and closed. */
  public static class Largest extends TableAggregateFunction<Integer, Largest.Acc> {
    static final AtomicInteger OPENED = new AtomicInteger();
    static final AtomicInteger CLOSED = new AtomicInteger();

    /** The largest value so far. */
    public static class Acc {
      public Integer max;
    }

    @Override
    public void open(FunctionContext context) {
      OPENED.incrementAndGet();
    }

    @Override
    public void close() {
      CLOSED.incrementAndGet();
    }

    @Override
    public Acc createAccumulator() {
      return new Acc();
    }

    public void accumulate(Acc acc, Integer value) {
      if (acc.max == null || value > acc.max) {
        acc.max = value;
      }
    }

    public void emitValue(Acc acc, Collector<Integer> out) {
      if (acc.max != null) {
        out.collect(acc.max);
      }
    }
  }

  /** The sum of a group's values. */
  public static class LongSum extends AggregateFunction<Long, LongSum.Acc> {
    /** The sum so far. */
    public static class Acc {
      public long sum;
    }

    @Override
    public Acc createAccumulator() {
      return new Acc();
    }

    @Override
    public Long getValue(Acc acc) {
      return acc.sum;
    }

    public void accumulate(Acc acc, Integer value) {
      if (value != null) {
        acc.sum += value;
      }
    }
  }

  private TableEnvironment tEnv;
  private Table input;

  @BeforeEach
  void createEnvironment() {
    tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.getConfig().set("parallelism.default", "1");
    input = tEnv.fromValues(DataTypes.ROW(DataTypes.FIELD("k", DataTypes.STRING()), DataTypes.FIELD("v", DataTypes.INT())),
        List.of(Row.of("a", 1), Row.of("a", 5), Row.of("b", 2)));
  }

  @Test
  void anAggregateInTheSelectAfterFlatAggregateIsRefused() {
    FlatAggregateTable top = input.groupBy($("k")).flatAggregate(call(Largest.class, $("v")).as("m"));
    assertThatThrownBy(() -> top.select($("m").sum())).isInstanceOf(ValidationException.class)
        .hasMessage(NO_AGGREGATES);
    assertThatThrownBy(() -> top.select($("k"), $("m").count())).isInstanceOf(ValidationException.class)
        .hasMessage(NO_AGGREGATES);
    assertThatThrownBy(() -> top.select(call(LongSum.class, $("m")))).isInstanceOf(ValidationException.class)
        .hasMessage(NO_AGGREGATES);
    assertThatThrownBy(() -> input.flatAggregate(call(Largest.class, $("v")).as("m")).select($("m").max()))
        .isInstanceOf(ValidationException.class).hasMessage(NO_AGGREGATES);
  }

  @Test
  void anAggregateInTheSelectAfterAggregateIsRefused() {
    AggregatedTable summed = input.groupBy($("k")).aggregate(call(LongSum.class, $("v")).as("s"));
    assertThatThrownBy(() -> summed.select($("s").avg())).isInstanceOf(ValidationException.class)
        .hasMessage(NO_AGGREGATES);
  }

  @Test
  void expressionsWithoutAggregatesStillCloseThem() throws Exception {
    assertThat(TableResults.folded(input.groupBy($("k")).flatAggregate(call(Largest.class, $("v")).as("m"))
        .select($("k"), $("m").plus(1)).execute())).isEqualTo(java.util.Map.of(Row.of("a", 6), 1, Row.of("b", 3), 1));
  }

  @Test
  void userAggregatesAreNamedInPlansAndErrors() {
    tEnv.createTemporarySystemFunction("long_sum", LongSum.class);
    tEnv.createTemporaryView("input", input);
    String plan = tEnv.explainSql("SELECT k, long_sum(v) FROM input GROUP BY k");
    assertThat(plan).contains("long_sum($1)");
    // a view keeps the call under its name in its stored text, and runs
    tEnv.executeSql("CREATE VIEW sums AS SELECT k, long_sum(v) AS s FROM input GROUP BY k");
    assertThat(tEnv.explainSql("SELECT * FROM sums")).contains("long_sum($1)");
    assertThat(TableResults.folded(tEnv.executeSql("SELECT * FROM sums")))
        .isEqualTo(java.util.Map.of(Row.of("a", 6L), 1, Row.of("b", 2L), 1));
    assertThatThrownBy(() -> tEnv.explainSql("SELECT long_sum(k) FROM input"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("long_sum");
  }

  @Test
  void everyParallelInstanceOpensAndClosesTheFunction() throws Exception {
    tEnv.getConfig().set("parallelism.default", "2");
    Largest.OPENED.set(0);
    Largest.CLOSED.set(0);
    // One key: one of the two instances gets no row, and is opened and closed all the same, as in Flink.
    rows(input.filter($("k").isEqual("a")).groupBy($("k")).flatAggregate(call(Largest.class, $("v")).as("m"))
        .select($("k"), $("m")).execute());
    assertThat(Largest.OPENED.get()).isEqualTo(2);
    assertThat(Largest.CLOSED.get()).isEqualTo(2);
  }
}
