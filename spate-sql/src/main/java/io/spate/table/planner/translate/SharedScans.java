package io.spate.table.planner.translate;

import io.spate.table.catalog.CatalogTable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.calcite.rel.core.TableScan;

/**
 * The scans of one job's plans, so that a table read several times (by the inserts of a statement
 * set, or twice in one query) is read by one source whose rows go to every reader, as Flink reuses
 * sources.
 */
final class SharedScans {

  private final Map<List<Object>, SourceRows> streams = new HashMap<>();

  /** The source rows of {@code scan}'s table: those made before for the same table and options, else new ones. */
  SourceRows scan(TableScan scan, Function<TableScan, SourceRows> newScan) {
    CatalogTable table = scan.getTable().unwrap(CatalogTable.class);
    if (table == null) {
      return newScan.apply(scan);
    }
    List<Object> key = List.of(table.getIdentifier(), table.getOptions());
    SourceRows known = streams.get(key);
    if (known == null) {
      known = newScan.apply(scan);
      streams.put(key, known);
    }
    return known;
  }
}
