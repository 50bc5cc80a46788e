package io.spate.table.planner.translate;

import io.spate.table.catalog.CatalogTable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.calcite.rel.core.TableScan;

/**
 * The scans of one job's plans, so that a table read several times (by the inserts of a statement
 * set, or twice in one query) is read by one source whose rows go to every reader, as Flink reuses
 * sources. Readers share a source if they read the same fields of it ({@link ReadFields}, which gives
 * every reader of a table the union of what they read).
 */
final class SharedScans {

  private final Map<List<Object>, SourceRows> streams = new HashMap<>();

  /**
   * The source rows of {@code scan}'s table, of which {@code readFields} are read (null: all): those
   * made before for the same table, options and fields, else new ones.
   */
  SourceRows scan(TableScan scan, Set<List<Integer>> readFields, Function<TableScan, SourceRows> newScan) {
    CatalogTable table = scan.getTable().unwrap(CatalogTable.class);
    if (table == null) {
      return newScan.apply(scan);
    }
    List<Object> key = Arrays.asList(key(scan), readFields);
    SourceRows known = streams.get(key);
    if (known == null) {
      known = newScan.apply(scan);
      streams.put(key, known);
    }
    return known;
  }

  /** What makes two scans read the same table: its identifier and options; {@code scan} reads a catalog table. */
  static List<Object> key(TableScan scan) {
    CatalogTable table = scan.getTable().unwrap(CatalogTable.class);
    return List.of(table.getIdentifier(), table.getOptions());
  }
}
