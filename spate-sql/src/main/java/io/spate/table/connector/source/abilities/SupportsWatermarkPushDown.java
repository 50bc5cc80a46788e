package io.spate.table.connector.source.abilities;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.types.Row;

/**
 * A scan source that stamps its rows with the table's rowtime and makes the table's watermarks itself,
 * in its reader, Spate's counterpart of Flink's interface of the same name. The planner then adds no
 * watermark step after the source: that saves a step per row, and a source of several splits (Kafka
 * partitions) can track a watermark per split, as a DataStream source given a {@link WatermarkStrategy}
 * does. The planner pushes the watermark only where the strategy reads the rows as the source produces
 * them (its physical fields, and its computed columns evaluated from them).
 */
@PublicEvolving
public interface SupportsWatermarkPushDown {

  /**
   * Gives the source the strategy of the table's {@code WATERMARK} clause, before it is asked for its
   * runtime provider. A source whose provider is a {@code SourceProvider} is run by the planner with
   * {@code StreamExecutionEnvironment#fromSource} and this strategy, so it need not keep it; one whose
   * provider is a {@code DataStreamScanProvider} must apply the strategy itself, as {@code fromSource} does.
   */
  void applyWatermark(WatermarkStrategy<Row> watermarkStrategy);
}
