package io.spate.table.api.bridge.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.tuple.Tuple2;
import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import io.spate.table.api.StatementSet;
import io.spate.table.api.Table;
import io.spate.table.api.ValidationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DataStreams become tables and query results DataStreams of the same job. */
class StreamTableEnvironmentE2ETest {

  /** A POJO with SQL-typed fields. */
  public static class Sale {
    public String shop;
    public long cents;

    public Sale() {}

    Sale(String shop, long cents) {
      this.shop = shop;
      this.cents = cents;
    }
  }

  @Test
  void aStreamOfPojosIsFilteredBySqlAndComesBackAsRows() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
    List<Sale> sales = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      sales.add(new Sale("shop" + i % 3, i * 10L));
    }
    DataStream<Sale> stream = env.fromData(sales, Types.POJO(Sale.class));
    Table table = tEnv.fromDataStream(stream);
    assertThat(table.getResolvedSchema().getColumnNames()).containsExactlyInAnyOrder("shop", "cents");
    tEnv.createTemporaryView("sales", stream);
    DataStream<Row> big = tEnv.toDataStream(tEnv.sqlQuery("SELECT shop, cents / 100 AS euros FROM sales"
        + " WHERE cents >= 900"));
    List<Row> rows = big.executeAndCollect(1000);
    List<Row> expected = new ArrayList<>();
    for (int i = 90; i < 100; i++) {
      expected.add(Row.of("shop" + i % 3, i * 10L / 100));
    }
    assertThat(rows).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void anAggregateOfTuplesComesBackAsAChangelog() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
    List<Tuple2<String, Integer>> words = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      words.add(Tuple2.of("w" + i % 4, i));
    }
    tEnv.createTemporaryView("words", env.fromData(words, Types.TUPLE(Types.STRING, Types.INT)));
    Table counts = tEnv.sqlQuery("SELECT f0 AS word, COUNT(*) AS n, SUM(f1) AS total FROM words GROUP BY f0");
    assertThatThrownBy(() -> tEnv.toDataStream(counts))
        .isInstanceOf(ValidationException.class).hasMessageContaining("toChangelogStream");
    Map<Row, Integer> folded = new HashMap<>();
    for (Row change : tEnv.toChangelogStream(counts).executeAndCollect(1000)) {
      Row row = Row.copy(change);
      row.setKind(RowKind.INSERT);
      boolean adds = change.getKind() == RowKind.INSERT || change.getKind() == RowKind.UPDATE_AFTER;
      folded.merge(row, adds ? 1 : -1, Integer::sum);
    }
    folded.values().removeIf(count -> count == 0);
    Map<Row, Integer> expected = new HashMap<>();
    for (int w = 0; w < 4; w++) {
      int total = 0;
      for (int i = w; i < 60; i += 4) {
        total += i;
      }
      expected.put(Row.of("w" + w, 15L, total), 1);
    }
    assertThat(folded).isEqualTo(expected);
  }

  @Test
  void theTableEnvironmentsCatalogAndStatementSetMethodsWorkOnAStreamTableEnvironment() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
    List<Tuple2<String, Integer>> words = List.of(Tuple2.of("a", 1), Tuple2.of("b", 2), Tuple2.of("a", 3));
    tEnv.createTemporaryView("words", env.fromData(words, Types.TUPLE(Types.STRING, Types.INT)));
    assertThat(tEnv.listTemporaryViews()).contains("words");
    // A statement set runs jobs of its own, so it reads tables of the session, not the program's streams.
    tEnv.executeSql("CREATE TEMPORARY VIEW pairs AS SELECT * FROM (VALUES ('a', 1), ('b', 2)) AS t(w, n)");
    tEnv.executeSql("CREATE TABLE firsts (w STRING) WITH ('connector' = 'blackhole')");
    tEnv.executeSql("CREATE TABLE seconds (n INT) WITH ('connector' = 'blackhole')");
    StatementSet set = tEnv.createStatementSet();
    set.addInsertSql("INSERT INTO firsts SELECT w FROM pairs");
    set.addInsert("seconds", tEnv.sqlQuery("SELECT n FROM pairs"));
    set.execute().await();
    assertThat(tEnv.listTemporaryViews()).containsExactly("pairs", "words");
    assertThat(tEnv.dropTemporaryView("words")).isTrue();
    assertThat(tEnv.listTemporaryViews()).doesNotContain("words");
    assertThat(tEnv.dropTemporaryView("words")).isFalse();
  }
}
