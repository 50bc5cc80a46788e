package io.spate.table.connectors.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.configuration.ConfigOption;
import io.spate.api.configuration.ConfigOptions;
import io.spate.api.datastream.CloseableIterator;
import io.spate.api.types.Row;
import io.spate.table.api.EnvironmentSettings;
import io.spate.table.api.TableEnvironment;
import io.spate.table.connector.source.DynamicTableSource;
import io.spate.table.connector.source.LookupTableSource;
import io.spate.table.connector.source.lookup.LookupFunctionProvider;
import io.spate.table.factories.DynamicTableSourceFactory;
import io.spate.table.factories.FactoryUtil;
import io.spate.table.functions.FunctionContext;
import io.spate.table.functions.LookupFunction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/**
 * A connector of its own with a synchronous {@link LookupFunction} (a {@link LookupFunctionProvider})
 * serves lookup joins too; its lookups run on a thread of their own, not on the task's worker.
 */
class SyncLookupJoinE2ETest {

  /** The threads the test connector's lookups ran on. */
  static final Queue<String> LOOKUP_THREADS = new ConcurrentLinkedQueue<>();

  @Test
  void aSynchronousLookupFunctionJoinsOnAThreadOfItsOwn() {
    TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.executeSql("CREATE TABLE names (k INT, v STRING) WITH ('connector' = 'test-key-value-lookup',"
        + " 'rows' = '1=one;2=two')");
    tEnv.executeSql("CREATE TABLE numbers (n INT, proc_time AS PROCTIME()) WITH ('connector' = 'datagen',"
        + " 'fields.n.kind' = 'sequence', 'fields.n.start' = '0', 'fields.n.end' = '3')");
    List<Row> rows = new ArrayList<>();
    try (CloseableIterator<Row> iterator = tEnv.executeSql("SELECT n.n, m.v FROM numbers AS n LEFT JOIN names FOR"
        + " SYSTEM_TIME AS OF n.proc_time AS m ON n.n = m.k").collect()) {
      iterator.forEachRemaining(rows::add);
    }
    assertThat(rows).containsExactlyInAnyOrder(Row.of(0, null), Row.of(1, "one"), Row.of(2, "two"), Row.of(3, null));
    assertThat(LOOKUP_THREADS).isNotEmpty().allSatisfy(name -> assertThat(name).startsWith("spate-lookup ("));
  }

  /** A lookup-only table of the key-value pairs of its option {@code rows} ({@code 1=one;2=two}). */
  public static final class KeyValueLookupFactory implements DynamicTableSourceFactory {

    static final ConfigOption<String> ROWS = ConfigOptions.key("rows").stringType().noDefaultValue();

    @Override
    public String factoryIdentifier() {
      return "test-key-value-lookup";
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
      return Set.of(ROWS);
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
      return Set.of();
    }

    @Override
    public DynamicTableSource createDynamicTableSource(Context context) {
      FactoryUtil.TableFactoryHelper helper = FactoryUtil.createTableFactoryHelper(this, context);
      helper.validate();
      String rows = helper.getOptions().get(ROWS);
      return new LookupTableSource() {
        @Override
        public LookupRuntimeProvider getLookupRuntimeProvider(LookupContext lookupContext) {
          return LookupFunctionProvider.of(new KeyValueLookup(rows));
        }

        @Override
        public String asSummaryString() {
          return "test-key-value-lookup";
        }
      };
    }
  }

  /** Looks keys up in a map of the pairs. */
  static final class KeyValueLookup extends LookupFunction {
    private static final long serialVersionUID = 1L;
    private final String rows;
    private transient Map<Integer, String> values;

    KeyValueLookup(String rows) {
      this.rows = rows;
    }

    @Override
    public void open(FunctionContext context) {
      values = new HashMap<>();
      for (String pair : rows.split(";")) {
        String[] kv = pair.split("=");
        values.put(Integer.parseInt(kv[0]), kv[1]);
      }
    }

    @Override
    public Collection<Row> lookup(Row keyRow) {
      LOOKUP_THREADS.add(Thread.currentThread().getName());
      Integer key = (Integer) keyRow.getField(0);
      return values.containsKey(key) ? List.of(Row.of(key, values.get(key))) : List.of();
    }
  }
}
