package io.spate.table.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.configuration.ConfigOption;
import io.spate.api.datastream.CloseableIterator;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.types.Row;
import io.spate.table.api.EnvironmentSettings;
import io.spate.table.api.TableEnvironment;
import io.spate.table.connector.ChangelogMode;
import io.spate.table.connector.source.DynamicTableSource;
import io.spate.table.connector.source.ScanTableSource;
import io.spate.table.connector.source.abilities.SupportsFilterPushDown;
import io.spate.table.connector.source.abilities.SupportsProjectionPushDown;
import io.spate.table.connector.source.abilities.SupportsReadingMetadata;
import io.spate.table.expressions.CallExpression;
import io.spate.table.expressions.FieldReferenceExpression;
import io.spate.table.expressions.ResolvedExpression;
import io.spate.table.expressions.ValueLiteralExpression;
import io.spate.table.factories.DynamicTableSourceFactory;
import io.spate.table.runtime.typeutils.TypeInfos;
import io.spate.table.types.DataType;
import io.spate.table.api.DataTypes;
import io.spate.table.types.logical.RowType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/**
 * A connector of a user's own that takes projections, nested ones included, and reads metadata gets
 * the paths of the fields read and the row type to produce (those fields, then the metadata columns);
 * one that takes filters is offered the conditions on its columns; and the query's results are those of
 * the same query over every field and row.
 */
class CustomSourceProjectionE2ETest {

  /** What each source was told: its paths and produced type, as text. */
  static final ConcurrentLinkedQueue<String> TOLD = new ConcurrentLinkedQueue<>();

  private static final String DDL = """
      CREATE TABLE points (
        id BIGINT,
        point ROW<x INT, y INT, label STRING>,
        note STRING,
        pos BIGINT METADATA FROM 'position' VIRTUAL,
        doubled AS point.x * 2
      ) WITH ('connector' = 'test-projected-points')""";

  private static final String QUERY = "SELECT id, point.label, doubled, pos FROM points WHERE point.y > 1 AND id <> 0";

  /** The filters each source was offered, and what they are made of. */
  static final ConcurrentLinkedQueue<String> OFFERED = new ConcurrentLinkedQueue<>();

  @Test
  void theSourceGivesThePathsItWasToldThenItsMetadata() throws Exception {
    TOLD.clear();
    OFFERED.clear();
    List<Row> pushed = rows(true);
    // The nested field's test is not offered; the column's is, as a call on a column and a literal.
    assertThat(OFFERED).containsExactly("[(id <> 0)]: CallExpression(notEquals, FieldReferenceExpression(id, 0),"
        + " ValueLiteralExpression(0 as Long))");
    assertThat(TOLD).containsExactly("[[0], [1, 0], [1, 1], [1, 2]] -> ROW<`id` BIGINT, `point_x` INT, `point_y` INT,"
        + " `point_label` VARCHAR(2147483647), `pos` BIGINT> NOT NULL");
    TOLD.clear();
    List<Row> whole = rows(false);
    assertThat(TOLD).isEmpty();
    assertThat(pushed).hasSize(2).containsExactlyInAnyOrderElementsOf(whole)
        .contains(Row.of(3L, "d", 6, 3L));
    assertThat(OFFERED).hasSize(1);
  }

  private static List<Row> rows(boolean pushdown) throws Exception {
    TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.getConfig().set("parallelism.default", "1");
    tEnv.getConfig().set("table.optimizer.spate.projection-pushdown-enabled", String.valueOf(pushdown));
    tEnv.getConfig().set("table.optimizer.source.predicate-pushdown-enabled", String.valueOf(pushdown));
    tEnv.executeSql(DDL);
    List<Row> rows = new ArrayList<>();
    try (CloseableIterator<Row> iterator = tEnv.executeSql(QUERY).collect()) {
      iterator.forEachRemaining(rows::add);
    }
    return rows;
  }

  /** Four points, {@code position} their index; projections and the metadata column as told. */
  public static final class PointsFactory implements DynamicTableSourceFactory {
    @Override
    public String factoryIdentifier() {
      return "test-projected-points";
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
      return Set.of();
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
      return Set.of();
    }

    @Override
    public DynamicTableSource createDynamicTableSource(Context context) {
      return new PointsSource();
    }
  }

  private static final class PointsSource
      implements ScanTableSource, SupportsProjectionPushDown, SupportsReadingMetadata, SupportsFilterPushDown {
    private int[][] paths = {{0}, {1}, {2}};
    private boolean position;
    private RowType produced;

    @Override
    public ChangelogMode getChangelogMode() {
      return ChangelogMode.insertOnly();
    }

    @Override
    public boolean supportsNestedProjection() {
      return true;
    }

    @Override
    public void applyProjection(int[][] projectedFields, DataType producedDataType) {
      paths = projectedFields;
      TOLD.add(Arrays.deepToString(projectedFields));
    }

    @Override
    public Result applyFilters(List<ResolvedExpression> filters) {
      CallExpression call = (CallExpression) filters.get(0);
      FieldReferenceExpression field = (FieldReferenceExpression) call.getResolvedChildren().get(0);
      ValueLiteralExpression literal = (ValueLiteralExpression) call.getResolvedChildren().get(1);
      OFFERED.add(filters + ": CallExpression(" + call.getFunctionDefinition() + ", FieldReferenceExpression("
          + field.getName() + ", " + field.getFieldIndex() + "), ValueLiteralExpression("
          + literal.getValueAs(Long.class).orElseThrow() + " as " + literal.getValueAs(Object.class).orElseThrow()
          .getClass().getSimpleName() + "))");
      // Takes none: the planner filters every row, as it does anyway.
      return Result.of(List.of(), filters);
    }

    @Override
    public Map<String, DataType> listReadableMetadata() {
      return Map.of("position", DataTypes.BIGINT());
    }

    @Override
    public void applyReadableMetadata(List<String> metadataKeys, DataType producedDataType) {
      position = metadataKeys.contains("position");
      produced = (RowType) producedDataType.getLogicalType();
      if (!TOLD.isEmpty()) {
        TOLD.add(TOLD.poll() + " -> " + produced.asSerializableString());
      }
    }

    @Override
    public ScanRuntimeProvider getScanRuntimeProvider(ScanContext context) {
      List<Row> rows = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        Object[] full = {(long) i, Row.of(i, i, String.valueOf((char) ('a' + i))), "note " + i};
        Row row = new Row(paths.length + (position ? 1 : 0));
        for (int at = 0; at < paths.length; at++) {
          Object column = full[paths[at][0]];
          row.setField(at, paths[at].length == 1 ? column : ((Row) column).getField(paths[at][1]));
        }
        if (position) {
          row.setField(paths.length, (long) i);
        }
        rows.add(row);
      }
      RowType type = produced;
      return new DataStreamScanProvider() {
        @Override
        public DataStream<Row> produceDataStream(StreamExecutionEnvironment env, String name) {
          return env.fromData(rows, TypeInfos.ofRow(type)).name(name);
        }

        @Override
        public boolean isBounded() {
          return true;
        }
      };
    }

    @Override
    public String asSummaryString() {
      return "test-projected-points";
    }
  }
}
