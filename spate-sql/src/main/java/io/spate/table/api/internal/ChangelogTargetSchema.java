package io.spate.table.api.internal;

import io.spate.api.datastream.DataStream;
import io.spate.api.typeinfo.RowTypeInfo;
import io.spate.api.types.Row;
import io.spate.table.api.Schema;
import io.spate.table.api.ValidationException;
import io.spate.table.catalog.ResolvedSchema;
import io.spate.table.planner.translate.DataStreamTableSource;
import io.spate.table.runtime.typeutils.TypeInfos;
import io.spate.table.types.logical.LocalZonedTimestampType;
import io.spate.table.types.logical.LogicalType;
import io.spate.table.types.logical.RowType;
import io.spate.table.types.logical.TimestampType;
import io.spate.table.types.logical.utils.LogicalTypeParser;
import io.spate.table.utils.NearestName;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The schema a program gives {@code toChangelogStream}: its physical columns pick the result's columns by
 * name (in the schema's order, converted to the declared types), and its metadata column {@code rowtime}
 * says that the result's rowtime attribute goes into the records' timestamp only, not into the rows.
 * Without physical columns every column of the result is kept, but for the rowtime one if it is metadata.
 */
final class ChangelogTargetSchema {

  private final RowType source;
  private final RowType target;
  private final ZoneId zone;

  private ChangelogTargetSchema(RowType source, RowType target, ZoneId zone) {
    this.source = source;
    this.target = target;
    this.zone = zone;
  }

  /** The target {@code schema} of a result of {@code result}, whose column {@code rowtimeColumn} (or -1) is its rowtime. */
  static ChangelogTargetSchema of(ResolvedSchema result, int rowtimeColumn, Schema schema, ZoneId zone) {
    List<String> names = result.getColumnNames();
    List<RowType.RowField> sourceFields = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      sourceFields.add(new RowType.RowField(names.get(i), result.getColumnTypes().get(i)));
    }
    RowType source = new RowType(false, sourceFields);
    if (schema.getWatermark() != null) {
      throw new ValidationException("The target schema of toChangelogStream declares a watermark; the stream gets the"
          + " table's watermarks, so declare none");
    }
    boolean rowtimeAsMetadata = false;
    List<RowType.RowField> fields = new ArrayList<>();
    for (Schema.UnresolvedColumn column : schema.getColumns()) {
      if (column instanceof Schema.UnresolvedComputedColumn) {
        throw new ValidationException("The target schema of toChangelogStream declares the computed column '"
            + column.getName() + "'; compute it in the query instead");
      } else if (column instanceof Schema.UnresolvedMetadataColumn metadata) {
        String key = metadata.metadataKey() == null ? metadata.getName() : metadata.metadataKey();
        LogicalType type = LogicalTypeParser.parse(metadata.type());
        if (!key.equals(DataStreamTableSource.ROWTIME_KEY) || !isMillisTimestamp(type)) {
          throw new ValidationException("The target schema of toChangelogStream declares the metadata column '"
              + metadata.getName() + "' (key '" + key + "', " + type.asSummaryString() + "), but a DataStream has"
              + " one metadata key, 'rowtime', of type TIMESTAMP_LTZ(3) or TIMESTAMP(3)");
        }
        if (rowtimeColumn < 0) {
          throw new ValidationException("The target schema of toChangelogStream declares the metadata column '"
              + metadata.getName() + "' for the records' timestamps, but the query's result has no rowtime attribute"
              + " (its columns: " + String.join(", ", names) + ")");
        }
        rowtimeAsMetadata = true;
      } else {
        Schema.UnresolvedPhysicalColumn physical = (Schema.UnresolvedPhysicalColumn) column;
        if (!names.contains(physical.getName())) {
          throw new ValidationException("The target schema of toChangelogStream declares column '"
              + physical.getName() + "', which the query's result does not have (its columns: "
              + String.join(", ", names) + ")" + NearestName.of(physical.getName(), names)
              .map(n -> "; did you mean '" + n + "'?").orElse(""));
        }
        fields.add(new RowType.RowField(physical.getName(), LogicalTypeParser.parse(physical.type())));
      }
    }
    if (fields.isEmpty()) {
      for (int i = 0; i < names.size(); i++) {
        if (!(rowtimeAsMetadata && i == rowtimeColumn)) {
          fields.add(sourceFields.get(i));
        }
      }
    }
    return new ChangelogTargetSchema(source, new RowType(false, fields), zone);
  }

  private static boolean isMillisTimestamp(LogicalType type) {
    return type instanceof TimestampType t && t.getPrecision() == 3
        || type instanceof LocalZonedTimestampType l && l.getPrecision() == 3;
  }

  /** The columns of the rows {@link #apply(DataStream)} gives. */
  RowType targetType() {
    return target;
  }

  /** {@code changes}, rows of the result, as rows of the target schema's columns. */
  DataStream<Row> apply(DataStream<Row> changes) {
    if (source.equals(target)) {
      return changes;
    }
    RowTypeInfo sourceType = TypeInfos.ofRow(source);
    return changes.map(StreamRecordsToRows.of(sourceType, source, target, zone, "The target schema of"
        + " toChangelogStream"), TypeInfos.ofRow(target)).name("To the target schema");
  }
}
