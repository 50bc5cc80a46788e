package io.spate.table.planner;

import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.ReadableConfig;
import io.spate.api.types.RowKind;
import io.spate.table.api.ValidationException;
import io.spate.table.catalog.CatalogTable;
import io.spate.table.catalog.ObjectIdentifier;
import io.spate.table.connector.ChangelogMode;
import io.spate.table.connector.source.DynamicTableSource;
import io.spate.table.connector.source.ScanTableSource;
import io.spate.table.factories.DynamicTableFactory;
import io.spate.table.factories.FactoryUtil;
import io.spate.table.planner.nodes.ChangelogNormalize;
import io.spate.table.planner.translate.DataStreamTableSource;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelShuttleImpl;
import org.apache.calcite.rel.core.TableScan;

/**
 * Puts a {@link ChangelogNormalize} on the primary key above the scan of every table whose source
 * produces upserts (update-afters without update-before rows, such as {@code upsert-kafka}), as
 * Flink's planner does, so that every operator above gets a full changelog.
 */
final class UpsertSourceNormalization extends RelShuttleImpl {

  private UpsertSourceNormalization() {}

  /** {@code plan} with the scans of upsert sources normalized. */
  static RelNode apply(RelNode plan) {
    return plan.accept(new UpsertSourceNormalization());
  }

  @Override
  public RelNode visit(RelNode other) {
    return other instanceof ChangelogNormalize ? other : super.visit(other); // normalized before
  }

  @Override
  public RelNode visit(TableScan scan) {
    CatalogTable table = scan.getTable().unwrap(CatalogTable.class);
    if (table == null || !producesUpserts(table)) {
      return scan;
    }
    List<String> names = scan.getRowType().getFieldNames();
    int[] keys = table.getPrimaryKey().stream().mapToInt(names::indexOf).toArray();
    return new ChangelogNormalize(scan.getCluster(), scan.getTraitSet(), scan, keys);
  }

  /**
   * Whether {@code table}'s source produces upserts; a table whose source cannot be made here (a
   * DataStream of a program, a wrong option) is left to the translation, which names the problem.
   */
  private static boolean producesUpserts(CatalogTable table) {
    if (table.getPrimaryKey().isEmpty()) {
      return false;
    }
    DynamicTableSource source;
    try {
      source = DataStreamTableSource.isDataStreamTable(table) ? DataStreamTableSource.reading(table, null)
          : FactoryUtil.createDynamicTableSource(context(table));
    } catch (ValidationException e) {
      return false;
    }
    if (!(source instanceof ScanTableSource scan)) {
      return false;
    }
    ChangelogMode mode = scan.getChangelogMode();
    return mode.contains(RowKind.UPDATE_AFTER) && !mode.contains(RowKind.UPDATE_BEFORE);
  }

  private static DynamicTableFactory.Context context(CatalogTable table) {
    return new DynamicTableFactory.Context() {
      @Override
      public ObjectIdentifier getObjectIdentifier() {
        return table.getIdentifier();
      }

      @Override
      public CatalogTable getCatalogTable() {
        return table;
      }

      @Override
      public ReadableConfig getConfiguration() {
        return new Configuration();
      }

      @Override
      public ClassLoader getClassLoader() {
        return Thread.currentThread().getContextClassLoader();
      }

      @Override
      public boolean isTemporary() {
        return false;
      }
    };
  }
}
