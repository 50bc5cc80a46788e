package io.spate.table.api.internal;

import io.spate.api.datastream.DataStream;
import io.spate.api.typeinfo.RowTypeInfo;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.types.Row;
import io.spate.table.api.Schema;
import io.spate.table.api.SqlParserException;
import io.spate.table.api.ValidationException;
import io.spate.table.catalog.CatalogTable;
import io.spate.table.catalog.ObjectIdentifier;
import io.spate.table.catalog.WatermarkSpec;
import io.spate.table.connector.ChangelogMode;
import io.spate.table.parse.ParsedStatement;
import io.spate.table.parse.SqlStatementParser;
import io.spate.table.planner.translate.DataStreamTableSource;
import io.spate.table.runtime.typeutils.TypeInfos;
import io.spate.table.types.logical.LocalZonedTimestampType;
import io.spate.table.types.logical.LogicalType;
import io.spate.table.types.logical.RowType;
import io.spate.table.types.logical.TimestampType;
import io.spate.table.types.logical.utils.LogicalTypeParser;
import io.spate.table.utils.NearestName;
import java.time.ZoneId;
import java.util.List;

/**
 * Makes a program's DataStream a table, as Flink's {@code fromDataStream} and {@code fromChangelogStream}
 * do: the physical columns come from the stream's type (a row's, tuple's or POJO's fields, or one
 * column {@code f0}), or are the ones the {@link Schema} declares (each a field of the type, in the
 * schema's order, of the same type or one its values convert to); the schema's computed and metadata
 * columns, watermark and primary key are then resolved as {@code CREATE TABLE} resolves them.
 */
final class DataStreamTables {

  private final SchemaResolver schemas;
  private final ZoneId zone;

  DataStreamTables(SchemaResolver schemas, ZoneId zone) {
    this.schemas = schemas;
    this.zone = zone;
  }

  /** A DataStream as a table: its catalog table and the stream of the rows of its physical columns. */
  record DataStreamTable(CatalogTable table, DataStream<Row> rows) {}

  /** {@code stream} as the table {@code id} with {@code schema}, holding changes of {@code mode}. */
  <T> DataStreamTable resolve(ObjectIdentifier id, DataStream<T> stream, Schema schema, ChangelogMode mode) {
    TypeInformation<T> type = stream.getType();
    String table = id.asSummaryString();
    List<Schema.UnresolvedPhysicalColumn> declared = schema.getColumns().stream()
        .filter(Schema.UnresolvedPhysicalColumn.class::isInstance).map(Schema.UnresolvedPhysicalColumn.class::cast)
        .toList();
    RowType derived = isUntypedRow(type) ? null : TypeInfos.toRowType(type);
    if (derived == null && declared.isEmpty()) {
      throw new ValidationException("The DataStream of table " + table + " has rows of unknown fields (" + type
          + "); give the stream a RowTypeInfo (Types.ROW_NAMED) or declare its columns with Schema.column(...)");
    }
    Schema.Builder full = Schema.newBuilder();
    if (declared.isEmpty()) {
      for (RowType.RowField field : derived.getFields()) {
        full.column(field.getName(), field.getType().asSerializableString());
      }
    }
    for (Schema.UnresolvedColumn column : schema.getColumns()) {
      if (derived != null && column instanceof Schema.UnresolvedPhysicalColumn physical
          && !derived.getFieldNames().contains(physical.getName())) {
        throw new ValidationException("Table " + table + " declares the physical column '" + physical.getName()
            + "', but the DataStream's type " + type + " has no field of that name (its fields: "
            + String.join(", ", derived.getFieldNames()) + ")" + NearestName.of(physical.getName(),
            derived.getFieldNames()).map(n -> "; did you mean '" + n + "'?").orElse(""));
      }
      if (column instanceof Schema.UnresolvedMetadataColumn metadata) {
        String key = metadata.metadataKey() == null ? metadata.getName() : metadata.metadataKey();
        if (!key.equals(DataStreamTableSource.ROWTIME_KEY)) {
          throw new ValidationException("Table " + table + ": metadata column '" + metadata.getName() + "' reads the"
              + " key '" + key + "', but a DataStream has one metadata key, 'rowtime' (the stream record's timestamp,"
              + " TIMESTAMP_LTZ(3))");
        }
        LogicalType metadataType = LogicalTypeParser.parse(metadata.type());
        if (!(metadataType instanceof LocalZonedTimestampType l && l.getPrecision() == 3
            || metadataType instanceof TimestampType t && t.getPrecision() == 3)) {
          throw new ValidationException("Table " + table + ": metadata column '" + metadata.getName() + "' is "
              + metadataType.asSummaryString() + ", but the stream record's timestamp ('rowtime') is TIMESTAMP_LTZ(3)"
              + " (or TIMESTAMP(3), in UTC)");
        }
      }
    }
    Schema.UnresolvedWatermark watermark = schema.getWatermark();
    boolean sourceWatermark = watermark != null
        && DataStreamTableSource.isSourceWatermark(new WatermarkSpec(watermark.columnName(), watermark.expression()));
    Schema.Builder checked = Schema.newBuilder().fromSchema(full.build());
    for (Schema.UnresolvedColumn column : schema.getColumns()) {
      add(checked, column);
    }
    if (watermark != null) {
      // SOURCE_WATERMARK() keeps the stream's watermarks; the column is checked as a rowtime attribute all the same.
      checked.watermark(watermark.columnName(), sourceWatermark ? quote(watermark.columnName()) : watermark.expression());
    }
    if (!schema.getPrimaryKey().isEmpty()) {
      checked.primaryKey(schema.getPrimaryKey().toArray(new String[0]));
    }
    String ddl = "CREATE TEMPORARY TABLE " + id.asSerializableString() + " " + checked.build().toDdl() + " WITH ("
        + "'connector' = '" + DataStreamTableSource.CONNECTOR + "', '" + DataStreamTableSource.CHANGELOG_MODE + "' = '"
        + mode + "')";
    CatalogTable resolved;
    try {
      resolved = schemas.resolve((ParsedStatement.CreateTable) SqlStatementParser.parseStatement(ddl), id);
    } catch (ValidationException | SqlParserException e) {
      // Positions in the message are those of the statement the schema stands for: show it.
      throw new ValidationException("The schema of the DataStream of table " + table + " is invalid: "
          + e.getMessage() + "\nThe schema as a CREATE TABLE statement:\n" + ddl, e);
    }
    if (sourceWatermark) {
      resolved = new CatalogTable(id, resolved.getColumns(), new WatermarkSpec(watermark.columnName(),
          DataStreamTableSource.SOURCE_WATERMARK), resolved.getPrimaryKey(), resolved.getOptions(),
          resolved.getComment(), resolved.getPartitionKeys());
    }
    return new DataStreamTable(resolved, rows(stream, derived, resolved.getPhysicalRowType(), table));
  }

  /** The stream's records as rows of {@code physical}, converted where the declared types differ from the stream's. */
  private <T> DataStream<Row> rows(DataStream<T> stream, RowType derived, RowType physical, String table) {
    TypeInformation<T> type = stream.getType();
    if (type instanceof RowTypeInfo && sameColumns(derived, physical)
        && !IntervalConversions.containsInterval(physical)) {
      @SuppressWarnings("unchecked")
      DataStream<Row> same = (DataStream<Row>) stream;
      return same;
    }
    return stream.map(StreamRecordsToRows.of(type, derived, physical, zone, "Table " + table), TypeInfos.ofRow(physical))
        .name("To rows");
  }

  private static boolean sameColumns(RowType derived, RowType physical) {
    return derived != null && derived.getFieldNames().equals(physical.getFieldNames())
        && derived.copy(true).equals(physical.copy(true));
  }

  private static boolean isUntypedRow(TypeInformation<?> type) {
    return type.getTypeClass() == Row.class && !(type instanceof RowTypeInfo);
  }

  private static void add(Schema.Builder builder, Schema.UnresolvedColumn column) {
    if (column instanceof Schema.UnresolvedComputedColumn computed) {
      builder.columnByExpression(computed.getName(), computed.expression());
    } else if (column instanceof Schema.UnresolvedMetadataColumn metadata) {
      builder.columnByMetadata(metadata.getName(), metadata.type(), metadata.metadataKey(), metadata.isVirtual());
    } else {
      Schema.UnresolvedPhysicalColumn physical = (Schema.UnresolvedPhysicalColumn) column;
      builder.column(physical.getName(), physical.type());
    }
  }

  private static String quote(String name) {
    return "`" + name.replace("`", "``") + "`";
  }
}
