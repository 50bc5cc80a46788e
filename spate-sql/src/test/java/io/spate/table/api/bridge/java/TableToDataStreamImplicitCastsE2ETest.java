package io.spate.table.api.bridge.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.table.api.DataTypes;
import io.spate.table.api.Table;
import io.spate.table.api.ValidationException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code toDataStream(table, Class)} and {@code toDataStream(table, DataType)} insert Flink's implicit casts
 * between a column and a field of a wider number class (or epoch milliseconds for a TIMESTAMP_LTZ),
 * and fail naming the column and both types where there is none.
 */
class TableToDataStreamImplicitCastsE2ETest {

  /** Every field wider than its column, or another conversion class of it. */
  public static class Widened {
    public Long count;
    public long small;
    public Double ratio;
    public BigDecimal exact;
    public Long epochMillis;
  }

  /** A field narrower than its column. */
  public static class Narrowed {
    public Integer count;
  }

  private StreamTableEnvironment tEnv;
  private Table row;

  @BeforeEach
  void createQuery() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    tEnv = StreamTableEnvironment.create(env);
    tEnv.getConfig().set("table.local-time-zone", "UTC");
    row = tEnv.sqlQuery("SELECT CAST(7 AS INT) AS `count`, CAST(3 AS SMALLINT) AS small, CAST(2 AS INT) AS ratio,"
        + " CAST(12 AS BIGINT) AS exact, TO_TIMESTAMP_LTZ(1500, 3) AS epochMillis");
  }

  @Test
  void columnsWidenIntoTheirFieldsClasses() throws Exception {
    List<Widened> records = tEnv.toDataStream(row, Widened.class).executeAndCollect(10);
    assertThat(records).hasSize(1);
    Widened widened = records.get(0);
    assertThat(widened.count).isEqualTo(7L);
    assertThat(widened.small).isEqualTo(3L);
    assertThat(widened.ratio).isEqualTo(2.0);
    assertThat(widened.exact).isEqualByComparingTo("12");
    assertThat(widened.epochMillis).isEqualTo(1500L);
  }

  @Test
  void anAtomicTargetWidensItsOneColumn() throws Exception {
    Table ints = tEnv.sqlQuery("SELECT CAST(41 AS INT) + 1 AS answer");
    assertThat(tEnv.toDataStream(ints, Long.class).executeAndCollect(10)).containsExactly(42L);
    List<Object> viaType = tEnv.toDataStream(ints, DataTypes.DOUBLE()).executeAndCollect(10);
    assertThat(viaType).containsExactly(42.0);
  }

  @Test
  void aNarrowingOrUnrelatedConversionFailsNamingTheColumnAndBothTypes() {
    Table bigints = tEnv.sqlQuery("SELECT CAST(7 AS BIGINT) AS `count`");
    assertThatThrownBy(() -> tEnv.toDataStream(bigints, Narrowed.class)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("column 'count' is BIGINT").hasMessageContaining("java.lang.Integer");
    Table strings = tEnv.sqlQuery("SELECT 'seven' AS answer");
    assertThatThrownBy(() -> tEnv.toDataStream(strings, Long.class)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("column 'answer'").hasMessageContaining("java.lang.Long");
  }
}
