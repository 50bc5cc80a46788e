package io.spate.table.connectors.print;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.configuration.ConfigOption;
import io.spate.api.configuration.ConfigOptions;
import io.spate.api.configuration.ReadableConfig;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.DataStreamSink;
import io.spate.api.connector.sink.lib.PrintSink;
import io.spate.api.types.Row;
import io.spate.table.connector.ChangelogMode;
import io.spate.table.connector.sink.DynamicTableSink;
import io.spate.table.api.internal.IntervalConversions;
import io.spate.table.factories.DynamicTableSinkFactory;
import io.spate.table.factories.FactoryUtil;
import io.spate.table.types.logical.RowType;
import java.util.Set;

/**
 * The {@code print} connector: writes every row, with its change kind ({@code +I[1, a]}), to
 * standard output (or standard error), prefixed with the identifier and the subtask when there are
 * several.
 */
@PublicEvolving
public final class PrintTableSinkFactory implements DynamicTableSinkFactory {

  /** A prefix for each printed line. */
  public static final ConfigOption<String> PRINT_IDENTIFIER = ConfigOptions.key("print-identifier").stringType()
      .noDefaultValue().withDescription("A prefix for each printed line.");

  /** Whether to print to standard error instead. */
  public static final ConfigOption<Boolean> STANDARD_ERROR = ConfigOptions.key("standard-error").booleanType()
      .defaultValue(false).withDescription("Print to standard error instead of standard output.");

  @Override
  public String factoryIdentifier() {
    return "print";
  }

  @Override
  public Set<ConfigOption<?>> requiredOptions() {
    return Set.of();
  }

  @Override
  public Set<ConfigOption<?>> optionalOptions() {
    return Set.of(PRINT_IDENTIFIER, STANDARD_ERROR);
  }

  @Override
  public DynamicTableSink createDynamicTableSink(Context context) {
    FactoryUtil.TableFactoryHelper helper = FactoryUtil.createTableFactoryHelper(this, context);
    helper.validate();
    ReadableConfig options = helper.getOptions();
    String identifier = options.getOptional(PRINT_IDENTIFIER).orElse(null);
    boolean stdErr = options.get(STANDARD_ERROR);
    RowType rowType = context.getCatalogTable().getPersistedRowType();
    return new DynamicTableSink() {
      @Override
      public ChangelogMode getChangelogMode(ChangelogMode requestedMode) {
        return requestedMode;
      }

      /**
       * Prints each row as Flink's print connector does: the row's {@code toString()} with its values in their
       * Java classes, so an interval is a {@code Duration} or a {@code Period} ({@code PT1H30M}, {@code P14M}).
       */
      @Override
      public SinkRuntimeProvider getSinkRuntimeProvider(Context sinkContext) {
        PrintSink<Row> sink = identifier == null ? new PrintSink<>(stdErr) : new PrintSink<>(identifier, stdErr);
        return new DataStreamSinkProvider() {
          @Override
          public DataStreamSink<?> consumeDataStream(DataStream<Row> rows, String name) {
            return IntervalConversions.toExternal(rows, rowType).sinkTo(sink).name(name);
          }
        };
      }

      @Override
      public String asSummaryString() {
        return "print";
      }
    };
  }
}
