package io.spate.bench.jmh;

import io.spate.api.functions.Collector;
import io.spate.api.types.Row;
import io.spate.table.catalog.CatalogManager;
import io.spate.table.catalog.FunctionCatalog;
import io.spate.table.parse.SqlText;
import io.spate.table.planner.SqlPlanner;
import io.spate.table.planner.codegen.CalcCodeGenerator;
import io.spate.table.planner.codegen.ExprCompiler;
import io.spate.table.runtime.generated.GeneratedCalc;
import io.spate.table.runtime.operators.CalcFunction;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeName;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The per-row cost of a SQL calc (filter and projections) interpreted ({@link CalcFunction} over
 * {@code Expr} trees) and generated ({@link CalcCodeGenerator}, compiled with Janino), over rows shaped
 * like the Nexmark {@code datagen} table (event type, person, auction and bid as nested rows, the
 * computed {@code dateTime}), about 92% of them bids as in Nexmark:
 *
 * <ul>
 *   <li>{@code q1}: {@code WHERE event_type = 2}, projecting {@code bid.auction, bid.bidder,
 *       CAST(0.908 AS DOUBLE) * bid.price, dateTime, bid.extra} (the bench's q1, through the bid view);
 *   <li>{@code q1decimal}: the same with the definition's decimal {@code 0.908 * bid.price};
 *   <li>{@code q2}: {@code WHERE event_type = 2 AND MOD(bid.auction, 123) = 0}, projecting
 *       {@code bid.auction, bid.price};
 *   <li>{@code datetime}: the computed column {@code dateTime}, a CASE over the event type.
 * </ul>
 *
 * <p>Both calcs run in the same JMH run, so their ratio holds on a noisy machine.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SqlCalcBenchmark {

  private static final int N = 4096;
  private static final ZoneId UTC = ZoneId.of("UTC");

  @Param({"q1", "q1decimal", "q2", "datetime"})
  public String query;

  private final Row[] rows = new Row[N];
  private CalcFunction interpreted;
  private GeneratedCalc generated;
  private Blackhole blackhole;
  private final Collector<Row> collector = row -> blackhole.consume(row);

  @Setup
  public void setUp() {
    CatalogManager catalogs = new CatalogManager();
    SqlPlanner planner = new SqlPlanner(catalogs, new FunctionCatalog(catalogs), () -> UTC);
    RelDataType rowType = datagenType(planner.typeFactory());
    String condition;
    List<String> projections;
    switch (query) {
      case "q1" -> {
        condition = "event_type = 2";
        projections = List.of("bid.auction", "bid.bidder", "CAST(0.908 AS DOUBLE) * bid.price", "dateTime",
            "bid.extra");
      }
      case "q1decimal" -> {
        condition = "event_type = 2";
        projections = List.of("bid.auction", "bid.bidder", "0.908 * bid.price", "dateTime", "bid.extra");
      }
      case "q2" -> {
        condition = "event_type = 2 AND MOD(bid.auction, 123) = 0";
        projections = List.of("bid.auction", "bid.price");
      }
      case "datetime" -> {
        condition = null;
        projections = List.of("event_type", "person", "auction", "bid", "CASE WHEN event_type = 0 THEN"
            + " person.dateTime WHEN event_type = 1 THEN auction.dateTime ELSE bid.dateTime END");
      }
      default -> throw new IllegalArgumentException("Unknown query " + query);
    }
    RexNode conditionNode = condition == null ? null : planner.toRex(new SqlText(condition, 1, 1), rowType);
    List<RexNode> projectionNodes = new ArrayList<>();
    for (String projection : projections) {
      projectionNodes.add(planner.toRex(new SqlText(projection, 1, 1), rowType));
    }
    ExprCompiler compiler = new ExprCompiler(planner.rexBuilder(), UTC);
    interpreted = new CalcFunction(conditionNode == null ? null : compiler.compile(conditionNode),
        compiler.compileAll(projectionNodes));
    generated = CalcCodeGenerator.generate(compiler, conditionNode, projectionNodes)
        .newInstance(SqlCalcBenchmark.class.getClassLoader());
    Random random = new Random(42);
    LocalDateTime start = LocalDateTime.of(2026, 11, 27, 0, 0);
    for (int i = 0; i < N; i++) {
      int type = random.nextInt(50);
      int eventType = type == 0 ? 0 : type <= 3 ? 1 : 2;
      LocalDateTime time = start.plusNanos(i * 1_000_000L);
      Row person = eventType == 0 ? Row.of(1000L + i, "name", "mail", "card", "city", "OR", time, "x") : null;
      Row auction = eventType == 1 ? Row.of(1000L + i, "item", "desc", 10L, 20L, time, time.plusSeconds(10), 7L,
          10L, "x") : null;
      Row bid = eventType == 2 ? Row.of(1000L + random.nextInt(10_000), 2000L + random.nextInt(1000),
          (long) random.nextInt(10_000_000), "channel", "https://example.org/item", time, "extra") : null;
      rows[i] = Row.of(eventType, person, auction, bid, time);
    }
  }

  private static RelDataType datagenType(RelDataTypeFactory types) {
    RelDataType bigint = nullable(types, types.createSqlType(SqlTypeName.BIGINT));
    RelDataType varchar = nullable(types, types.createSqlType(SqlTypeName.VARCHAR, Integer.MAX_VALUE));
    RelDataType timestamp = nullable(types, types.createSqlType(SqlTypeName.TIMESTAMP, 3));
    RelDataType person = nullable(types, types.builder().add("id", bigint).add("name", varchar)
        .add("emailAddress", varchar).add("creditCard", varchar).add("city", varchar).add("state", varchar)
        .add("dateTime", timestamp).add("extra", varchar).build());
    RelDataType auction = nullable(types, types.builder().add("id", bigint).add("itemName", varchar)
        .add("description", varchar).add("initialBid", bigint).add("reserve", bigint).add("dateTime", timestamp)
        .add("expires", timestamp).add("seller", bigint).add("category", bigint).add("extra", varchar).build());
    RelDataType bid = nullable(types, types.builder().add("auction", bigint).add("bidder", bigint)
        .add("price", bigint).add("channel", varchar).add("url", varchar).add("dateTime", timestamp)
        .add("extra", varchar).build());
    return types.builder().add("event_type", nullable(types, types.createSqlType(SqlTypeName.INTEGER)))
        .add("person", person).add("auction", auction).add("bid", bid).add("dateTime", timestamp).build();
  }

  private static RelDataType nullable(RelDataTypeFactory types, RelDataType type) {
    return types.createTypeWithNullability(type, true);
  }

  /** The interpreted calc over every row. */
  @Benchmark
  @OperationsPerInvocation(N)
  public void interpreted(Blackhole blackhole) {
    this.blackhole = blackhole;
    for (Row row : rows) {
      interpreted.flatMap(row, collector);
    }
  }

  /** The generated calc over every row, as {@code GeneratedCalcFunction.flatMap} runs it. */
  @Benchmark
  @OperationsPerInvocation(N)
  public void generated(Blackhole blackhole) {
    this.blackhole = blackhole;
    for (Row row : rows) {
      Row out = generated.process(row);
      if (out != null) {
        collector.collect(out);
      }
    }
  }
}
