package io.spate.table.connectors.datagen;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.configuration.ConfigOption;
import io.spate.api.configuration.ConfigOptions;
import io.spate.api.configuration.ReadableConfig;
import io.spate.api.types.Row;
import io.spate.connectors.datagen.DataGeneratorSource;
import io.spate.connectors.datagen.GeneratorFunction;
import io.spate.connectors.datagen.RateLimiterStrategy;
import io.spate.table.api.ValidationException;
import io.spate.table.catalog.CatalogTable;
import io.spate.table.connector.ChangelogMode;
import io.spate.table.connector.source.DynamicTableSource;
import io.spate.table.connector.source.ScanTableSource;
import io.spate.table.connector.source.abilities.SupportsProjectionPushDown;
import io.spate.table.connector.source.SourceProvider;
import io.spate.table.factories.DynamicTableSourceFactory;
import io.spate.table.factories.FactoryUtil;
import io.spate.table.runtime.typeutils.TypeInfos;
import io.spate.table.types.DataType;
import io.spate.table.types.logical.LogicalType;
import io.spate.table.types.logical.LogicalTypeRoot;
import io.spate.table.types.logical.RowType;
import io.spate.table.utils.NearestName;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The {@code datagen} connector: generates rows, each column random (within {@code fields.#.min}
 * and {@code fields.#.max}, strings of {@code fields.#.length}) or a sequence ({@code fields.#.kind'
 * = 'sequence'} from {@code fields.#.start} to {@code fields.#.end}), at {@code rows-per-second},
 * for ever or {@code number-of-rows} (or as many as the shortest sequence has).
 */
@PublicEvolving
public final class DataGenTableSourceFactory implements DynamicTableSourceFactory {

  /** Rows generated per second, over all subtasks. */
  public static final ConfigOption<Long> ROWS_PER_SECOND = ConfigOptions.key("rows-per-second").longType()
      .defaultValue(10_000L).withDescription("Rows generated per second, over all subtasks.");

  /** The number of rows; unbounded if not set (and no sequence column). */
  public static final ConfigOption<Long> NUMBER_OF_ROWS = ConfigOptions.key("number-of-rows").longType()
      .noDefaultValue().withDescription("The number of rows to generate; without it the source runs for ever.");

  private static final Set<String> FIELD_OPTIONS = Set.of("kind", "min", "max", "max-past", "length", "start", "end",
      "null-rate");

  @Override
  public String factoryIdentifier() {
    return "datagen";
  }

  @Override
  public Set<ConfigOption<?>> requiredOptions() {
    return Set.of();
  }

  @Override
  public Set<ConfigOption<?>> optionalOptions() {
    return Set.of(ROWS_PER_SECOND, NUMBER_OF_ROWS);
  }

  @Override
  public DynamicTableSource createDynamicTableSource(Context context) {
    FactoryUtil.TableFactoryHelper helper = FactoryUtil.createTableFactoryHelper(this, context);
    helper.validateExcept("fields.");
    ReadableConfig options = helper.getOptions();
    CatalogTable table = context.getCatalogTable();
    String tableName = context.getObjectIdentifier().asSummaryString();
    RowType rowType = table.getPhysicalRowType();
    Map<String, String> raw = table.getOptions();
    checkFieldOptions(raw, rowType, tableName);
    List<FieldGenerator> fields = new ArrayList<>();
    long rows = options.getOptional(NUMBER_OF_ROWS).orElse(Long.MAX_VALUE);
    for (int i = 0; i < rowType.getFieldCount(); i++) {
      String name = rowType.getFieldNames().get(i);
      LogicalType type = rowType.getTypeAt(i);
      String prefix = "fields." + name + ".";
      String kind = raw.getOrDefault(prefix + "kind", "random");
      if (kind.equals("sequence")) {
        if (!isSequenceType(type)) {
          throw new ValidationException("Column '" + name + "' of table " + tableName + " is of type "
              + type.asSummaryString() + ", which a sequence cannot generate (numbers and strings can)");
        }
        long start = longOption(raw, prefix + "start", tableName, null);
        long end = longOption(raw, prefix + "end", tableName, null);
        fields.add(FieldGenerator.sequence(name, type, start, end));
        rows = Math.min(rows, end - start + 1);
      } else if (kind.equals("random")) {
        Double min = raw.containsKey(prefix + "min") ? doubleOption(raw, prefix + "min", tableName) : null;
        Double max = raw.containsKey(prefix + "max") ? doubleOption(raw, prefix + "max", tableName) : null;
        if (min != null && max != null && min > max) {
          throw new ValidationException("Table " + tableName + ": " + prefix + "min (" + min + ") is above "
              + prefix + "max (" + max + ")");
        }
        int length = (int) longOption(raw, prefix + "length", tableName, 100L);
        Duration maxPast = Duration.ofMillis(longOption(raw, prefix + "max-past", tableName, 0L));
        float nullRate = raw.containsKey(prefix + "null-rate") ? doubleOption(raw, prefix + "null-rate", tableName)
            .floatValue() : 0f;
        fields.add(FieldGenerator.random(name, type, i * 7919 + 17, min, max, length, maxPast, nullRate));
      } else {
        throw new ValidationException("Table " + tableName + ": " + prefix + "kind is '" + kind
            + "'; it must be 'random' or 'sequence'");
      }
    }
    long count = rows;
    long perSecond = options.get(ROWS_PER_SECOND);
    if (perSecond <= 0) {
      throw new ValidationException("Table " + tableName + ": rows-per-second must be positive, but is " + perSecond);
    }
    return new DataGenTableSource(fields.toArray(new FieldGenerator[0]), count, perSecond, rowType);
  }

  /** Rows of generated columns: all, or those a query reads ({@link #applyProjection}). */
  private static final class DataGenTableSource implements ScanTableSource, SupportsProjectionPushDown {
    private final FieldGenerator[] generators;
    private final long count;
    private final long perSecond;
    private final RowType rowType;
    private int[] columns;
    private RowType producedType;

    DataGenTableSource(FieldGenerator[] generators, long count, long perSecond, RowType rowType) {
      this.generators = generators;
      this.count = count;
      this.perSecond = perSecond;
      this.rowType = rowType;
      this.columns = IntStream.range(0, generators.length).toArray();
      this.producedType = rowType;
    }

    @Override
    public ChangelogMode getChangelogMode() {
      return ChangelogMode.insertOnly();
    }

    @Override
    public boolean supportsNestedProjection() {
      return false;
    }

    @Override
    public void applyProjection(int[][] projectedFields, DataType producedDataType) {
      columns = Arrays.stream(projectedFields).mapToInt(path -> path[0]).toArray();
      producedType = (RowType) producedDataType.getLogicalType();
    }

    @Override
    public ScanRuntimeProvider getScanRuntimeProvider(ScanContext scanContext) {
      // Each column's values depend on the row's index only, so leaving a column out changes no other.
      FieldGenerator[] generators = this.generators;
      int[] columns = this.columns;
      GeneratorFunction<Long, Row> generator = index -> {
        Row row = new Row(columns.length);
        for (int i = 0; i < columns.length; i++) {
          row.setField(i, generators[columns[i]].value(index));
        }
        return row;
      };
      return SourceProvider.of(new DataGeneratorSource<>(generator, count, RateLimiterStrategy.perSecond(perSecond),
          TypeInfos.ofRow(producedType)));
    }

    @Override
    public String asSummaryString() {
      return "datagen";
    }
  }

  private static boolean isSequenceType(LogicalType type) {
    LogicalTypeRoot root = type.getTypeRoot();
    return root == LogicalTypeRoot.TINYINT || root == LogicalTypeRoot.SMALLINT || root == LogicalTypeRoot.INTEGER
        || root == LogicalTypeRoot.BIGINT || root == LogicalTypeRoot.FLOAT || root == LogicalTypeRoot.DOUBLE
        || root == LogicalTypeRoot.DECIMAL || root == LogicalTypeRoot.CHAR || root == LogicalTypeRoot.VARCHAR;
  }

  private static void checkFieldOptions(Map<String, String> options, RowType rowType, String table) {
    for (String key : options.keySet()) {
      if (!key.startsWith("fields.")) {
        continue;
      }
      String rest = key.substring("fields.".length());
      int dot = rest.lastIndexOf('.');
      String column = dot < 0 ? rest : rest.substring(0, dot);
      String option = dot < 0 ? "" : rest.substring(dot + 1);
      if (!rowType.getFieldNames().contains(column)) {
        throw new ValidationException("Table " + table + ": option '" + key + "' names column '" + column
            + "', which is not one of its physical columns"
            + NearestName.of(column, rowType.getFieldNames()).map(n -> "; did you mean '" + n + "'?").orElse(""));
      }
      if (!FIELD_OPTIONS.contains(option)) {
        throw new ValidationException("Table " + table + ": option '" + key + "' is not a datagen field option;"
            + " they are fields.<column>." + String.join(", fields.<column>.", new java.util.TreeSet<>(FIELD_OPTIONS)));
      }
    }
  }

  private static long longOption(Map<String, String> options, String key, String table, Long defaultValue) {
    String value = options.get(key);
    if (value == null) {
      if (defaultValue == null) {
        throw new ValidationException("Table " + table + " needs option '" + key + "' for its sequence");
      }
      return defaultValue;
    }
    try {
      if (key.endsWith(".max-past")) {
        return io.spate.api.util.TimeUtils.parseDuration(value).toMillis();
      }
      return Long.parseLong(value.trim());
    } catch (RuntimeException e) {
      throw new ValidationException("Table " + table + ": option '" + key + "' = '" + value + "' is not "
          + (key.endsWith(".max-past") ? "a duration such as '5 s'" : "a whole number"), e);
    }
  }

  private static Double doubleOption(Map<String, String> options, String key, String table) {
    String value = options.get(key);
    try {
      return Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      throw new ValidationException("Table " + table + ": option '" + key + "' = '" + value + "' is not a number", e);
    }
  }
}
