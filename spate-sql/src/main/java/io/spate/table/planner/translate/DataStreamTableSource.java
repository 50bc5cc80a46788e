package io.spate.table.planner.translate;

import io.spate.api.annotation.Internal;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import io.spate.table.api.ValidationException;
import io.spate.table.catalog.CatalogTable;
import io.spate.table.catalog.Column;
import io.spate.table.catalog.WatermarkSpec;
import io.spate.table.connector.ChangelogMode;
import io.spate.table.connector.source.DynamicTableSource;
import io.spate.table.connector.source.ScanTableSource;
import io.spate.table.connector.source.abilities.SupportsReadingMetadata;
import io.spate.table.runtime.operators.StreamRecordTimestamps;
import io.spate.table.runtime.typeutils.TypeInfos;
import io.spate.table.types.DataType;
import io.spate.table.types.logical.LocalZonedTimestampType;
import io.spate.table.types.logical.LogicalType;
import io.spate.table.types.logical.RowType;
import io.spate.table.types.logical.TimestampType;
import io.spate.table.types.utils.TypeConversions;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * The source of a table that is a DataStream of the program ({@code fromDataStream},
 * {@code fromChangelogStream}): the stream's rows as they come, with the kinds of changes the
 * program declared, and the stream record's timestamp as the metadata key {@code rowtime}. A table
 * whose watermark is {@code SOURCE_WATERMARK()} keeps the stream's own watermarks.
 */
@Internal
public final class DataStreamTableSource implements ScanTableSource, SupportsReadingMetadata {

  /** The {@code connector} option of such tables. */
  public static final String CONNECTOR = io.spate.table.catalog.CatalogManager.STREAM_CONNECTOR;
  /** The option that keeps the table's changelog mode, as {@link ChangelogMode#toString()} writes it. */
  public static final String CHANGELOG_MODE = "changelog-mode";
  /** The one metadata key: the stream record's timestamp. */
  public static final String ROWTIME_KEY = "rowtime";
  /** The watermark expression that keeps the stream's watermarks. */
  public static final String SOURCE_WATERMARK = "SOURCE_WATERMARK()";

  private final CatalogTable table;
  private final DataStream<Row> stream;
  private boolean appendsTimestamp;
  private RowType producedType;

  private DataStreamTableSource(CatalogTable table, DataStream<Row> stream) {
    this.table = table;
    this.stream = stream;
    this.producedType = table.getPhysicalRowType();
  }

  /** The source reading {@code stream}, the rows of {@code table}'s physical columns. */
  public static DataStreamTableSource reading(CatalogTable table, DataStream<Row> stream) {
    return new DataStreamTableSource(table, stream);
  }

  /** Whether {@code table} is a DataStream of a program. */
  public static boolean isDataStreamTable(CatalogTable table) {
    return CONNECTOR.equals(table.getOptions().get("connector"));
  }

  /** The changes {@code table}, a DataStream of a program, holds. */
  public static ChangelogMode changelogMode(CatalogTable table) {
    String text = table.getOptions().getOrDefault(CHANGELOG_MODE, "[I]");
    EnumSet<RowKind> kinds = EnumSet.noneOf(RowKind.class);
    for (String kind : text.substring(1, text.length() - 1).split(",")) {
      kinds.add(switch (kind.trim()) {
        case "I" -> RowKind.INSERT;
        case "UB" -> RowKind.UPDATE_BEFORE;
        case "UA" -> RowKind.UPDATE_AFTER;
        case "D" -> RowKind.DELETE;
        default -> throw new IllegalStateException("Not a change kind: " + kind);
      });
    }
    return ChangelogMode.of(kinds.toArray(new RowKind[0]));
  }

  /** Whether {@code spec} keeps the source's watermarks ({@code SOURCE_WATERMARK()}). */
  public static boolean isSourceWatermark(WatermarkSpec spec) {
    return spec != null && spec.expression().replaceAll("\\s", "").equalsIgnoreCase(SOURCE_WATERMARK);
  }

  /**
   * Whether the scan of {@code table} keeps its source's watermarks instead of generating them;
   * {@code SOURCE_WATERMARK()} needs a source that has watermarks of its own.
   */
  static boolean keepsSourceWatermarks(CatalogTable table, DynamicTableSource source) {
    if (!isSourceWatermark(table.getWatermarkSpec())) {
      return false;
    }
    if (!(source instanceof DataStreamTableSource)) {
      throw new ValidationException("Table " + table.getIdentifier().asSummaryString() + " declares its watermark as"
          + " SOURCE_WATERMARK(), but its connector (" + source.asSummaryString() + ") has no watermarks of its own;"
          + " declare one as an expression, such as ts - INTERVAL '5' SECOND");
    }
    return true;
  }

  @Override
  public String asSummaryString() {
    return "DataStream";
  }

  @Override
  public ChangelogMode getChangelogMode() {
    return changelogMode(table);
  }

  @Override
  public ScanRuntimeProvider getScanRuntimeProvider(ScanContext context) {
    return new DataStreamScanProvider() {
      @Override
      public DataStream<Row> produceDataStream(StreamExecutionEnvironment env, String name) {
        if (!appendsTimestamp) {
          return stream;
        }
        return stream.process(new StreamRecordTimestamps(!(rowtimeType() instanceof TimestampType)),
            TypeInfos.ofRow(producedType)).name("Record timestamps of " + table.getIdentifier().getObjectName());
      }

      @Override
      public boolean isBounded() {
        return false;
      }
    };
  }

  @Override
  public Map<String, DataType> listReadableMetadata() {
    return Map.of(ROWTIME_KEY, TypeConversions.fromLogicalToDataType(rowtimeType()));
  }

  @Override
  public void applyReadableMetadata(List<String> metadataKeys, DataType producedDataType) {
    if (metadataKeys.size() > 1) {
      throw new ValidationException("Table " + table.getIdentifier().asSummaryString() + " reads the metadata '"
          + ROWTIME_KEY + "' of its DataStream in more than one column; declare it once");
    }
    appendsTimestamp = !metadataKeys.isEmpty();
    producedType = (RowType) TypeConversions.fromDataToLogicalType(producedDataType);
  }

  /**
   * The type of the {@code rowtime} metadata: {@code TIMESTAMP_LTZ(3)} as in Flink, or {@code TIMESTAMP(3)}
   * (the timestamp in UTC) where the table declares that.
   */
  private LogicalType rowtimeType() {
    for (Column column : table.getColumns()) {
      if (column instanceof Column.MetadataColumn metadata && metadata.key().equals(ROWTIME_KEY)
          && metadata.getType() instanceof TimestampType timestamp && timestamp.getPrecision() == 3) {
        return new TimestampType(false, 3);
      }
    }
    return new LocalZonedTimestampType(false, 3);
  }
}
