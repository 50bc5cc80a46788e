package io.spate.table.planner.translate;

import io.spate.table.catalog.CatalogTable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexVisitorImpl;

/**
 * Which columns, and which fields of nested {@code ROW} columns, the plans of one job read of each
 * table they scan, so that the tables' sources can leave the other fields out ({@code
 * SupportsProjectionPushDown}). A field is a path of positions in the table's row type: {@code [3]}
 * is the whole fourth column, {@code [3, 0]} the first field of that (nested row) column. A scan read
 * by anything but projections and filters reads every column; so does one that was not among the
 * plans, and tables read several times read the union of what each reader reads, since one source
 * serves them all ({@link SharedScans}). A plan node the translator translates in another form (a join
 * it narrows) is read in that form.
 */
final class ReadFields {

  private static final ReadFields NONE = new ReadFields(node -> null);

  private final Map<TableScan, Boolean> scans = new IdentityHashMap<>();
  /** The node translated in place of a node, or null if the node itself. */
  private final UnaryOperator<RelNode> translatedAs;
  /** By {@link SharedScans#key}; a null value: every column. */
  private final Map<List<Object>, Set<List<Integer>>> byTable = new HashMap<>();
  /** By {@link SharedScans#key}: the condition of each filter straight over a scan of the table; null: some scan has none. */
  private final Map<List<Object>, List<RexNode>> conditions = new HashMap<>();

  private ReadFields(UnaryOperator<RelNode> translatedAs) {
    this.translatedAs = translatedAs;
  }

  /** Knows no plan: every scan reads all columns. */
  static ReadFields none() {
    return NONE;
  }

  /**
   * What the scans of {@code plans}, planned into one job, read; {@code translatedAs} gives the node the
   * translator translates in place of a node, or null if it translates the node as it is.
   */
  static ReadFields of(Collection<RelNode> plans, UnaryOperator<RelNode> translatedAs) {
    ReadFields fields = new ReadFields(translatedAs);
    for (RelNode plan : plans) {
      fields.visit(plan, null, null);
    }
    return fields;
  }

  /**
   * The fields of {@code scan}'s table that its job reads, as paths over {@code scan}'s row type; null
   * if every column (or if {@code scan} was not among the plans).
   */
  Set<List<Integer>> of(TableScan scan) {
    if (!scans.containsKey(scan)) {
      return null;
    }
    return byTable.get(SharedScans.key(scan));
  }

  /**
   * The conditions of the filters that read {@code scan}'s table, one per scan of it in the plans, each
   * over the table's columns: every row the plans keep of the table meets one of them. Null if some scan
   * of the table (or {@code scan}) is read by anything but a filter or a calc with a condition.
   */
  List<RexNode> conditionsOf(TableScan scan) {
    if (!scans.containsKey(scan)) {
      return null;
    }
    return conditions.get(SharedScans.key(scan));
  }

  /**
   * {@code demanded}: the fields of {@code node}'s rows its reader reads; null if all. {@code condition}:
   * that of the filter or calc straight over {@code node}, if any.
   */
  private void visit(RelNode node, Set<List<Integer>> demanded, RexNode condition) {
    RelNode translated = translatedAs.apply(node);
    if (translated != null) {
      visit(translated, demanded, condition);
    } else if (node instanceof TableScan scan) {
      read(scan, demanded);
      filter(scan, condition);
    } else if (node instanceof Project project) {
      visit(project.getInput(), fieldsOf(project.getProjects()), null);
    } else if (node instanceof Filter filter) {
      // A filter passes its input's rows on as they are: its reader's fields are its input's too.
      Set<List<Integer>> fields = null;
      if (demanded != null) {
        fields = new HashSet<>(demanded);
        fields.addAll(fieldsOf(List.of(filter.getCondition())));
      }
      visit(filter.getInput(), fields, filter.getCondition());
    } else if (node instanceof Calc calc) {
      RexProgram program = calc.getProgram();
      List<RexNode> expressions = new ArrayList<>();
      RexNode calcCondition = program.getCondition() == null ? null : program.expandLocalRef(program.getCondition());
      if (calcCondition != null) {
        expressions.add(calcCondition);
      }
      program.getProjectList().forEach(ref -> expressions.add(program.expandLocalRef(ref)));
      visit(calc.getInput(), fieldsOf(expressions), calcCondition);
    } else {
      for (RelNode input : node.getInputs()) {
        visit(input, null, null);
      }
    }
  }

  private void filter(TableScan scan, RexNode condition) {
    if (scan.getTable().unwrap(CatalogTable.class) == null) {
      return;
    }
    List<Object> key = SharedScans.key(scan);
    if (condition == null) {
      conditions.put(key, null);
    } else if (!conditions.containsKey(key)) {
      conditions.put(key, new ArrayList<>(List.of(condition)));
    } else if (conditions.get(key) != null) {
      conditions.get(key).add(condition);
    }
  }

  private void read(TableScan scan, Set<List<Integer>> demanded) {
    scans.put(scan, Boolean.TRUE);
    if (scan.getTable().unwrap(CatalogTable.class) == null) {
      return;
    }
    List<Object> key = SharedScans.key(scan);
    if (demanded == null) {
      byTable.put(key, null);
    } else if (!byTable.containsKey(key)) {
      byTable.put(key, new HashSet<>(demanded));
    } else if (byTable.get(key) != null) {
      byTable.get(key).addAll(demanded);
    }
  }

  /**
   * The fields {@code expressions} read of their input: a whole column for a reference, a nested
   * row's field where only that is read ({@code $3.price}); deeper paths count as their second level.
   */
  static Set<List<Integer>> fieldsOf(List<RexNode> expressions) {
    Set<List<Integer>> fields = new HashSet<>();
    RexVisitorImpl<Void> visitor = new RexVisitorImpl<>(true) {
      @Override
      public Void visitInputRef(RexInputRef ref) {
        fields.add(List.of(ref.getIndex()));
        return null;
      }

      @Override
      public Void visitFieldAccess(RexFieldAccess access) {
        if (access.getReferenceExpr() instanceof RexInputRef ref) {
          fields.add(List.of(ref.getIndex(), access.getField().getIndex()));
          return null;
        }
        return super.visitFieldAccess(access);
      }
    };
    for (RexNode expression : expressions) {
      expression.accept(visitor);
    }
    return fields;
  }
}
