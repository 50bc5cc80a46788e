package io.spate.table.api.internal;

import io.spate.table.api.ValidationException;
import io.spate.table.catalog.CatalogTable;
import io.spate.table.catalog.Column;
import io.spate.table.catalog.ObjectIdentifier;
import io.spate.table.catalog.WatermarkSpec;
import io.spate.table.parse.ParsedStatement;
import io.spate.table.parse.ParsedStatement.ColumnSpec;
import io.spate.table.parse.SqlText;
import io.spate.table.planner.SqlPlanner;
import io.spate.table.planner.calcite.SpateTypeFactory;
import io.spate.table.planner.functions.FlinkFunctions;
import io.spate.table.types.logical.LocalZonedTimestampType;
import io.spate.table.types.logical.LogicalType;
import io.spate.table.types.logical.RowType;
import io.spate.table.types.logical.TimestampKind;
import io.spate.table.types.logical.TimestampType;
import io.spate.table.types.logical.utils.LogicalTypeParser;
import io.spate.table.utils.NearestName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;

/**
 * Resolves a {@code CREATE TABLE} into a catalog table, as Flink does at creation: parses every
 * column type, derives the types of computed columns from their expressions, checks the watermark
 * (its column a TIMESTAMP or TIMESTAMP_LTZ of precision 0 to 3, its expression one too) and marks
 * that column as the rowtime attribute, and makes primary key columns NOT NULL.
 */
final class SchemaResolver {

  private final SqlPlanner planner;

  SchemaResolver(SqlPlanner planner) {
    this.planner = planner;
  }

  CatalogTable resolve(ParsedStatement.CreateTable create, ObjectIdentifier id) {
    String table = id.asSummaryString();
    Set<String> names = new HashSet<>();
    for (ColumnSpec spec : create.columns()) {
      if (!names.add(spec.name())) {
        throw new ValidationException("Table " + table + " has two columns named '" + spec.name() + "'");
      }
    }
    List<String> primaryKey = create.primaryKey() == null ? List.of() : create.primaryKey().columns();
    for (String key : primaryKey) {
      ColumnSpec spec = create.columns().stream().filter(c -> c.name().equals(key)).findFirst().orElseThrow(
          () -> new ValidationException("The primary key of table " + table + " names column '" + key
              + "', which does not exist" + nearest(key, names)));
      if (!(spec instanceof ParsedStatement.PhysicalColumnSpec)) {
        throw new ValidationException("The primary key of table " + table + " names column '" + key
            + "', which is not a physical column");
      }
    }
    // Physical and metadata columns first: computed columns are expressions over them.
    Map<String, LogicalType> baseTypes = new LinkedHashMap<>();
    for (ColumnSpec spec : create.columns()) {
      if (spec instanceof ParsedStatement.PhysicalColumnSpec physical) {
        LogicalType type = parseType(physical.type(), physical.name(), table);
        baseTypes.put(physical.name(), primaryKey.contains(physical.name()) ? type.copy(false) : type);
      } else if (spec instanceof ParsedStatement.MetadataColumnSpec metadata) {
        baseTypes.put(metadata.name(), parseType(metadata.type(), metadata.name(), table));
      }
    }
    RelDataType baseRowType = rowType(baseTypes);
    Map<String, LogicalType> types = new LinkedHashMap<>();
    for (ColumnSpec spec : create.columns()) {
      if (spec instanceof ParsedStatement.ComputedColumnSpec computed) {
        RexNode expression = planner.toRex(computed.expression(), baseRowType);
        LogicalType type = SpateTypeFactory.toLogicalType(expression.getType());
        // PROCTIME() makes the column a processing-time attribute, which its type shows, as in Flink.
        types.put(spec.name(), expression instanceof RexCall call && call.getOperator() == FlinkFunctions.PROCTIME
            && type instanceof LocalZonedTimestampType ltz
            ? new LocalZonedTimestampType(ltz.isNullable(), TimestampKind.PROCTIME, ltz.getPrecision()) : type);
      } else {
        types.put(spec.name(), baseTypes.get(spec.name()));
      }
    }
    WatermarkSpec watermark = null;
    if (create.watermark() != null) {
      watermark = watermark(create.watermark(), types, table);
    }
    List<Column> columns = new ArrayList<>();
    for (ColumnSpec spec : create.columns()) {
      LogicalType type = types.get(spec.name());
      if (spec instanceof ParsedStatement.PhysicalColumnSpec physical) {
        columns.add(new Column.PhysicalColumn(spec.name(), type, physical.comment()));
      } else if (spec instanceof ParsedStatement.ComputedColumnSpec computed) {
        columns.add(new Column.ComputedColumn(spec.name(), type, computed.expression().text(), computed.comment()));
      } else {
        ParsedStatement.MetadataColumnSpec metadata = (ParsedStatement.MetadataColumnSpec) spec;
        columns.add(new Column.MetadataColumn(spec.name(), type, metadata.key() == null ? spec.name() : metadata.key(),
            metadata.virtual(), metadata.comment()));
      }
    }
    for (String key : create.partitionKeys()) {
      if (!(types.containsKey(key) && baseTypes.containsKey(key))) {
        throw new ValidationException("Table " + table + " is partitioned by '" + key + "', which is not one of its"
            + " physical columns" + nearest(key, names));
      }
    }
    return new CatalogTable(id, columns, watermark, primaryKey, create.options(), create.comment(),
        create.partitionKeys());
  }

  /** Checks the watermark and marks its column as the rowtime attribute in {@code types}. */
  private WatermarkSpec watermark(ParsedStatement.WatermarkSpec spec, Map<String, LogicalType> types, String table) {
    String column = spec.rowtimeColumn();
    LogicalType type = types.get(column);
    if (type == null) {
      throw new ValidationException("The watermark of table " + table + " is defined on column '" + column
          + "', which does not exist" + nearest(column, types.keySet()));
    }
    if (!(type instanceof TimestampType || type instanceof LocalZonedTimestampType) || precisionOf(type) > 3) {
      throw new ValidationException("The watermark column '" + column + "' of table " + table + " is of type "
          + type.asSummaryString() + ", but a rowtime attribute must be TIMESTAMP(p) or TIMESTAMP_LTZ(p) with p from"
          + " 0 to 3");
    }
    RexNode expression = planner.toRex(spec.expression(), rowType(types));
    LogicalType watermarkType = SpateTypeFactory.toLogicalType(expression.getType());
    if (!(watermarkType instanceof TimestampType || watermarkType instanceof LocalZonedTimestampType)) {
      throw new ValidationException("The watermark expression of table " + table + " at " + spec.expression()
          .positionOf(0) + " is of type " + watermarkType.asSummaryString() + "; it must give a TIMESTAMP or"
          + " TIMESTAMP_LTZ");
    }
    types.put(column, type instanceof TimestampType t
        ? new TimestampType(t.isNullable(), TimestampKind.ROWTIME, t.getPrecision())
        : new LocalZonedTimestampType(type.isNullable(), TimestampKind.ROWTIME,
            ((LocalZonedTimestampType) type).getPrecision()));
    return new WatermarkSpec(column, spec.expression().text());
  }

  private static int precisionOf(LogicalType type) {
    return type instanceof TimestampType t ? t.getPrecision() : ((LocalZonedTimestampType) type).getPrecision();
  }

  private RelDataType rowType(Map<String, LogicalType> types) {
    List<RowType.RowField> fields = new ArrayList<>();
    types.forEach((name, type) -> fields.add(new RowType.RowField(name, type)));
    return planner.typeFactory().createFieldTypeFromLogicalType(new RowType(false, fields));
  }

  private static LogicalType parseType(SqlText text, String column, String table) {
    try {
      return LogicalTypeParser.parse(text.text());
    } catch (ValidationException e) {
      throw new ValidationException("The type of column '" + column + "' of table " + table + " at "
          + text.positionOf(0) + " is invalid: " + e.getMessage(), e);
    }
  }

  private static String nearest(String name, Set<String> candidates) {
    return NearestName.of(name, candidates).map(n -> "; did you mean '" + n + "'?").orElse("");
  }
}
