package io.spate.table.planner.translate;

import io.spate.api.datastream.DataStream;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.typeinfo.RowTypeInfo;
import io.spate.api.types.Row;
import io.spate.table.api.TableException;
import io.spate.table.api.ValidationException;
import io.spate.table.catalog.CatalogTable;
import io.spate.table.catalog.Column;
import io.spate.table.catalog.ObjectIdentifier;
import io.spate.table.connector.source.DynamicTableSource;
import io.spate.table.connector.source.ScanTableSource;
import io.spate.table.connector.source.SourceProvider;
import io.spate.table.factories.FactoryUtil;
import io.spate.table.parse.SqlText;
import io.spate.table.runtime.operators.ComputedRowtimeWatermarks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.logical.LogicalCalc;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLocalRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;

/**
 * Runs a table with computed columns as one calc over the rows its connector produces: the rowtime
 * and watermark are computed from those physical rows, and a projection or filter straight over the
 * scan gets the computed columns' expressions inlined, so that each event becomes one row (the
 * query's) instead of a full row of the table and then the query's. A bare scan still gets the table's
 * full rows, from the same source. Tables read from a program's DataStream, with metadata columns or
 * with {@code SOURCE_WATERMARK()} keep the plain scan.
 */
final class ScanCalcFusion {

  private final StreamTranslator translator;
  private final Map<List<Object>, DataStream<Row>> physicalStreams = new HashMap<>();

  ScanCalcFusion(StreamTranslator translator) {
    this.translator = translator;
  }

  /** Whether {@code plan} is a scan, or a projection or filter over a scan, of a table this class runs. */
  boolean handles(RelNode plan) {
    if (plan instanceof TableScan scan) {
      return fusable(scan);
    }
    if (plan instanceof LogicalProject || plan instanceof LogicalFilter || plan instanceof LogicalCalc) {
      return plan.getInput(0) instanceof TableScan scan && fusable(scan);
    }
    return false;
  }

  private boolean fusable(TableScan scan) {
    CatalogTable table = scan.getTable().unwrap(CatalogTable.class);
    if (table == null || translator.dataStreams.containsKey(table.getIdentifier())) {
      return false;
    }
    boolean computed = false;
    for (Column column : table.getColumns()) {
      if (column instanceof Column.MetadataColumn) {
        return false;
      }
      computed |= column instanceof Column.ComputedColumn;
    }
    // A computed column that is not deterministic must keep one value per row however often the query reads it.
    if (computed && !columns(scan).stream().allMatch(RexUtil::isDeterministic)) {
      return false;
    }
    return computed && (table.getWatermarkSpec() == null
        || !DataStreamTableSource.isSourceWatermark(table.getWatermarkSpec()));
  }

  /** The rows of {@code plan}, which {@link #handles} this class. */
  DataStream<Row> translate(RelNode plan) {
    if (plan instanceof TableScan scan) {
      return translator.calc(physical(scan), null, columns(scan), scan.getRowType(),
          "Computed columns of " + table(scan).getIdentifier().getObjectName());
    }
    TableScan scan = (TableScan) plan.getInput(0);
    List<RexNode> columns = columns(scan);
    RexNode condition = null;
    List<RexNode> projects;
    if (plan instanceof LogicalProject project) {
      projects = project.getProjects();
    } else if (plan instanceof LogicalFilter filter) {
      condition = filter.getCondition();
      projects = identity(scan.getRowType());
    } else {
      RexProgram program = ((LogicalCalc) plan).getProgram();
      condition = program.getCondition() == null ? null : program.expandLocalRef(program.getCondition());
      projects = new ArrayList<>();
      for (RexLocalRef ref : program.getProjectList()) {
        projects.add(program.expandLocalRef(ref));
      }
    }
    RexShuttle inline = new Inline(columns);
    return translator.calc(physical(scan), condition == null ? null : condition.accept(inline), inline.apply(projects),
        plan.getRowType(), "Calc");
  }

  private List<RexNode> identity(RelDataType type) {
    List<RexNode> refs = new ArrayList<>();
    for (int i = 0; i < type.getFieldCount(); i++) {
      refs.add(translator.planner.rexBuilder().makeInputRef(type, i));
    }
    return refs;
  }

  /** Every column of {@code scan}'s table as an expression over the connector's rows. */
  private List<RexNode> columns(TableScan scan) {
    CatalogTable table = table(scan);
    RelDataType physicalType = physicalType(table);
    List<RexNode> columns = new ArrayList<>();
    int physicalIndex = 0;
    for (Column column : table.getColumns()) {
      if (column instanceof Column.ComputedColumn c) {
        columns.add(translator.planner.toRex(new SqlText(c.expression(), 1, 1), physicalType));
      } else {
        columns.add(translator.planner.rexBuilder().makeInputRef(physicalType, physicalIndex++));
      }
    }
    return columns;
  }

  private RelDataType physicalType(CatalogTable table) {
    return translator.planner.typeFactory().createFieldTypeFromLogicalType(table.getPhysicalRowType());
  }

  private static CatalogTable table(TableScan scan) {
    return scan.getTable().unwrap(CatalogTable.class);
  }

  /** The connector's rows of {@code scan}'s table with their timestamps and watermarks, one source per table. */
  private DataStream<Row> physical(TableScan scan) {
    CatalogTable table = table(scan);
    List<Object> key = List.of(table.getIdentifier(), table.getOptions());
    DataStream<Row> known = physicalStreams.get(key);
    if (known == null) {
      known = newPhysical(scan, table);
      physicalStreams.put(key, known);
    }
    return known;
  }

  private DataStream<Row> newPhysical(TableScan scan, CatalogTable table) {
    ObjectIdentifier id = table.getIdentifier();
    DynamicTableSource source = FactoryUtil.createDynamicTableSource(translator.context(table));
    if (!(source instanceof ScanTableSource scanSource)) {
      throw new ValidationException("The connector of table " + id.asSummaryString() + " ("
          + source.asSummaryString() + ") cannot be scanned");
    }
    String name = "Source: " + id.getObjectName() + "[" + (++translator.sources) + "]";
    ScanTableSource.ScanRuntimeProvider provider = scanSource.getScanRuntimeProvider(new ScanTableSource.ScanContext() {});
    RelDataType physicalType = physicalType(table);
    RowTypeInfo physicalInfo = StreamTranslator.rowTypeInfo(physicalType);
    DataStream<Row> rows;
    if (provider instanceof SourceProvider sourceProvider) {
      rows = translator.env.fromSource(sourceProvider.createSource(), WatermarkStrategy.noWatermarks(), name,
          physicalInfo);
    } else if (provider instanceof ScanTableSource.DataStreamScanProvider streamProvider) {
      rows = streamProvider.produceDataStream(translator.env, name);
    } else {
      throw new TableException("Unknown scan provider " + provider.getClass().getName() + " of table "
          + id.asSummaryString());
    }
    if (table.getWatermarkSpec() == null) {
      return rows;
    }
    RelDataType fullType = scan.getRowType();
    int rowtime = fullType.getFieldNames().indexOf(table.getWatermarkSpec().rowtimeAttribute());
    List<RexNode> columns = columns(scan);
    RexNode watermarkExpression = translator.planner.toRex(new SqlText(table.getWatermarkSpec().expression(), 1, 1),
        fullType);
    long delay = WatermarkDelays.of(watermarkExpression, rowtime);
    ComputedRowtimeWatermarks watermarks = new ComputedRowtimeWatermarks(
        translator.compiler.compile(columns.get(rowtime)),
        delay >= 0 ? null : translator.compiler.compile(watermarkExpression.accept(new Inline(columns))), delay);
    WatermarkStrategy<Row> strategy = WatermarkStrategy.<Row>forGenerator(ctx -> watermarks.generator())
        .withTimestampAssigner(watermarks.timestampAssigner());
    return rows.assignTimestampsAndWatermarks(strategy).name("Watermarks of " + id.getObjectName());
  }

  /** Replaces each reference to a column of the table by the column's expression over the connector's rows. */
  private final class Inline extends RexShuttle {
    private final List<RexNode> columns;

    Inline(List<RexNode> columns) {
      this.columns = columns;
    }

    @Override
    public RexNode visitInputRef(RexInputRef ref) {
      return columns.get(ref.getIndex());
    }

    @Override
    public RexNode visitFieldAccess(RexFieldAccess access) {
      // The connector's ROW types may differ from the scan's (in nullability): access the field by position anew.
      RexNode reference = access.getReferenceExpr().accept(this);
      return reference == access.getReferenceExpr() ? access
          : translator.planner.rexBuilder().makeFieldAccess(reference, access.getField().getIndex());
    }
  }
}
