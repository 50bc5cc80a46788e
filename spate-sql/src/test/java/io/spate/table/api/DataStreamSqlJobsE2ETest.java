package io.spate.table.api;

import static io.spate.table.api.Expressions.$;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.MapFunction;
import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import io.spate.table.api.bridge.java.StreamStatementSet;
import io.spate.table.api.bridge.java.StreamTableEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SQL jobs of their own that read a program's DataStream, as in Flink: {@code executeSql("INSERT ...")},
 * {@code execute().collect()} and statement sets run the stream's transformations upstream of the query;
 * a {@code StreamStatementSet} may instead attach its inserts to the program's job.
 */
class DataStreamSqlJobsE2ETest {

  private static final int SALES = 40;
  /** How often the program's map function ran, over all jobs of a test. */
  private static final AtomicInteger MAPPED = new AtomicInteger();

  /** A POJO of the program's stream. */
  public static class Sale {
    public String shop;
    public long cents;

    public Sale() {}

    Sale(String shop, long cents) {
      this.shop = shop;
      this.cents = cents;
    }
  }

  /** Counts its calls, so that a test sees how often the stream's transformations ran. */
  private static final class CountingPricing implements MapFunction<Long, Sale> {
    @Override
    public Sale map(Long i) {
      MAPPED.incrementAndGet();
      return new Sale("shop" + i % 3, i * 100);
    }
  }

  private StreamExecutionEnvironment env;
  private StreamTableEnvironment tEnv;
  private DataStream<Sale> sales;
  private String run;

  @BeforeEach
  void createProgram() {
    MAPPED.set(0);
    env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    tEnv = StreamTableEnvironment.create(env);
    sales = env.fromSequence(0, SALES - 1).map(new CountingPricing(), Types.POJO(Sale.class));
    run = UUID.randomUUID().toString();
  }

  private void createSink(String name) {
    tEnv.executeSql("CREATE TABLE " + name + " (shop STRING, cents BIGINT) WITH ('connector' = 'changelog-collect',"
        + " 'run' = '" + run + "-" + name + "', 'changelog-mode' = 'insert-only')");
  }

  private List<Row> received(String sink) {
    return ChangelogCollectingSink.received(run + "-" + sink);
  }

  private static List<Row> salesFrom(long minCents) {
    List<Row> rows = new ArrayList<>();
    for (long i = 0; i < SALES; i++) {
      if (i * 100 >= minCents) {
        rows.add(Row.of("shop" + i % 3, i * 100));
      }
    }
    return rows;
  }

  @Test
  void anInsertFromAViewOfTheProgramsStreamRunsTheStreamsTransformationsInItsOwnJob() throws Exception {
    tEnv.createTemporaryView("sales", sales);
    createSink("big");
    tEnv.executeSql("INSERT INTO big SELECT shop, cents FROM sales WHERE cents >= 3000").await();
    assertThat(received("big")).containsExactlyInAnyOrderElementsOf(salesFrom(3000));
    assertThat(MAPPED.get()).as("the stream's map function ran in the SQL job").isEqualTo(SALES);
  }

  @Test
  void aTableOfTheProgramsStreamIsCollectedAndInsertedByTheTableApi() throws Exception {
    // A POJO's fields are columns in alphabetical order, as in Flink: (cents, shop).
    Table table = tEnv.fromDataStream(sales).select($("shop"), $("cents"));
    List<Row> collected = TableResults.rows(table.where($("cents").isGreaterOrEqual(3500)).execute());
    assertThat(collected).containsExactlyInAnyOrderElementsOf(salesFrom(3500));
    createSink("all");
    table.executeInsert("all").await();
    assertThat(received("all")).containsExactlyInAnyOrderElementsOf(salesFrom(0));
  }

  @Test
  void twoViewsOfOneStreamAreReadInOneQuery() {
    tEnv.createTemporaryView("cheap", sales);
    tEnv.createTemporaryView("dear", sales);
    List<Row> rows = TableResults.rows(tEnv.executeSql("SELECT c.shop, c.cents, d.cents AS later FROM cheap AS c"
        + " JOIN dear AS d ON c.shop = d.shop AND d.cents = c.cents + 3600"));
    List<Row> expected = new ArrayList<>();
    for (long i = 0; i + 36 < SALES; i++) {
      expected.add(Row.of("shop" + i % 3, i * 100, (i + 36) * 100));
    }
    assertThat(rows).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(MAPPED.get()).as("both views read the stream's one map operator").isEqualTo(SALES);
  }

  @Test
  void aStatementSetOfInsertsReadingTheViewIsOneJobThatReadsTheStreamOnce() throws Exception {
    tEnv.createTemporaryView("sales", sales);
    createSink("big");
    createSink("small");
    StreamStatementSet set = tEnv.createStatementSet()
        .addInsertSql("INSERT INTO big SELECT shop, cents FROM sales WHERE cents >= 3000")
        .addInsert("small", tEnv.sqlQuery("SELECT shop, cents FROM sales WHERE cents < 300"));
    assertThat(set.explain()).contains("big").contains("small").contains("sales");
    set.execute().await();
    assertThat(received("big")).containsExactlyInAnyOrderElementsOf(salesFrom(3000));
    assertThat(received("small")).containsExactlyInAnyOrder(Row.of("shop0", 0L), Row.of("shop1", 100L),
        Row.of("shop2", 200L));
    assertThat(MAPPED.get()).as("one job, one map operator for both inserts").isEqualTo(SALES);
  }

  @Test
  void attachedInsertsRunInTheProgramsNextJobWithItsDataStreams() throws Exception {
    tEnv.createTemporaryView("sales", sales);
    createSink("big");
    createSink("described");
    StreamStatementSet set = tEnv.createStatementSet()
        .addInsertSql("INSERT INTO big SELECT shop, cents FROM sales WHERE cents >= 3000")
        .addInsert(TableDescriptor.forConnector("changelog-collect")
            .schema(Schema.newBuilder().column("shop", "STRING").column("cents", "BIGINT").build())
            .option("run", run + "-descriptor").option("changelog-mode", "insert-only").build(),
            tEnv.sqlQuery("SELECT shop, cents FROM sales WHERE cents < 200"));
    set.attachAsDataStream();
    assertThat(received("big")).as("attaching runs nothing yet").isEmpty();
    List<Row> program = new ArrayList<>();
    DataStream<Row> doubled = tEnv.toDataStream(tEnv.sqlQuery("SELECT shop, cents * 2 FROM sales WHERE cents = 100"));
    try (var rows = doubled.executeAndCollect()) {
      rows.forEachRemaining(program::add);
    }
    assertThat(program).containsExactly(Row.of("shop1", 200L));
    assertThat(received("big")).containsExactlyInAnyOrderElementsOf(salesFrom(3000));
    assertThat(ChangelogCollectingSink.received(run + "-descriptor"))
        .containsExactlyInAnyOrder(Row.of("shop0", 0L), Row.of("shop1", 100L));
    assertThat(MAPPED.get()).as("the program's job read the stream once for all three").isEqualTo(SALES);
    assertThatThrownBy(set::attachAsDataStream).isInstanceOf(TableException.class)
        .hasMessageContaining("attachAsDataStream");
  }
}
