package io.spate.table.connectors.blackhole;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.configuration.ConfigOption;
import io.spate.api.connector.sink.lib.DiscardingSink;
import io.spate.api.types.Row;
import io.spate.table.connector.ChangelogMode;
import io.spate.table.connector.sink.DynamicTableSink;
import io.spate.table.connector.sink.SinkV2Provider;
import io.spate.table.factories.DynamicTableSinkFactory;
import io.spate.table.factories.FactoryUtil;
import java.util.Set;

/** The {@code blackhole} connector: takes every row and keeps none, for benchmarks and tests. */
@PublicEvolving
public final class BlackHoleTableSinkFactory implements DynamicTableSinkFactory {

  @Override
  public String factoryIdentifier() {
    return "blackhole";
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
  public DynamicTableSink createDynamicTableSink(Context context) {
    FactoryUtil.createTableFactoryHelper(this, context).validate();
    return new DynamicTableSink() {
      @Override
      public ChangelogMode getChangelogMode(ChangelogMode requestedMode) {
        return requestedMode;
      }

      @Override
      public SinkRuntimeProvider getSinkRuntimeProvider(Context sinkContext) {
        return SinkV2Provider.of(new DiscardingSink<Row>());
      }

      @Override
      public String asSummaryString() {
        return "blackhole";
      }
    };
  }
}
