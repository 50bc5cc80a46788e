package io.spate.table.api;

import io.spate.api.configuration.ConfigOption;
import io.spate.api.configuration.ConfigOptions;
import io.spate.api.connector.sink.Sink;
import io.spate.api.connector.sink.SinkWriter;
import io.spate.api.connector.sink.WriterInitContext;
import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import io.spate.table.connector.ChangelogMode;
import io.spate.table.connector.sink.DynamicTableSink;
import io.spate.table.connector.sink.SinkV2Provider;
import io.spate.table.factories.DynamicTableSinkFactory;
import io.spate.table.factories.FactoryUtil;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The test connector {@code changelog-collect}: a sink that takes the changes its
 * {@code changelog-mode} names ({@code insert-only}, {@code upsert} or {@code all}) and keeps the
 * rows it is given, in order, under its {@code run} name.
 */
public final class ChangelogCollectingSink implements DynamicTableSinkFactory {

  private static final Map<String, List<Row>> RECEIVED = new ConcurrentHashMap<>();

  static final ConfigOption<String> RUN = ConfigOptions.key("run").stringType().noDefaultValue();
  static final ConfigOption<String> MODE = ConfigOptions.key("changelog-mode").stringType().defaultValue("all");

  /** The rows the sink of {@code run} was given, with their kinds, in order. */
  static List<Row> received(String run) {
    return List.copyOf(RECEIVED.getOrDefault(run, List.of()));
  }

  @Override
  public String factoryIdentifier() {
    return "changelog-collect";
  }

  @Override
  public Set<ConfigOption<?>> requiredOptions() {
    return Set.of(RUN);
  }

  @Override
  public Set<ConfigOption<?>> optionalOptions() {
    return Set.of(MODE);
  }

  @Override
  public DynamicTableSink createDynamicTableSink(Context context) {
    FactoryUtil.TableFactoryHelper helper = FactoryUtil.createTableFactoryHelper(this, context);
    helper.validate();
    String run = helper.getOptions().get(RUN);
    ChangelogMode accepted = switch (helper.getOptions().get(MODE)) {
      case "insert-only" -> ChangelogMode.insertOnly();
      case "upsert" -> ChangelogMode.upsert();
      default -> ChangelogMode.all();
    };
    return new DynamicTableSink() {
      @Override
      public ChangelogMode getChangelogMode(ChangelogMode requestedMode) {
        return accepted;
      }

      @Override
      public SinkRuntimeProvider getSinkRuntimeProvider(Context sinkContext) {
        return SinkV2Provider.of(new CollectingSink(run, accepted));
      }

      @Override
      public String asSummaryString() {
        return "changelog-collect";
      }
    };
  }

  /** Keeps every row, failing on a kind its mode does not take. */
  private static final class CollectingSink implements Sink<Row> {
    private static final long serialVersionUID = 1L;
    private final String run;
    private final Set<RowKind> kinds;

    CollectingSink(String run, ChangelogMode accepted) {
      this.run = run;
      this.kinds = Set.copyOf(accepted.getContainedKinds());
    }

    @Override
    public SinkWriter<Row> createWriter(WriterInitContext context) {
      List<Row> rows = RECEIVED.computeIfAbsent(run, r -> Collections.synchronizedList(new ArrayList<>()));
      return new SinkWriter<>() {
        @Override
        public void write(Row element, Context ctx) {
          if (!kinds.contains(element.getKind())) {
            throw new IllegalStateException("the sink of " + run + " takes " + kinds + ", not " + element);
          }
          rows.add(Row.copy(element));
        }

        @Override
        public void flush(boolean endOfInput) {}

        @Override
        public void close() {}
      };
    }
  }
}
