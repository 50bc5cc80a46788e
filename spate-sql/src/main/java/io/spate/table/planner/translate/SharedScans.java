package io.spate.table.planner.translate;

import io.spate.api.datastream.DataStream;
import io.spate.api.types.Row;
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

  private final Map<List<Object>, DataStream<Row>> streams = new HashMap<>();

  /** The stream of {@code scan}'s table: the one made before for the same table and options, else a new one. */
  DataStream<Row> scan(TableScan scan, Function<TableScan, DataStream<Row>> newScan) {
    CatalogTable table = scan.getTable().unwrap(CatalogTable.class);
    if (table == null) {
      return newScan.apply(scan);
    }
    List<Object> key = List.of(table.getIdentifier(), table.getOptions());
    DataStream<Row> known = streams.get(key);
    if (known == null) {
      known = newScan.apply(scan);
      streams.put(key, known);
    }
    return known;
  }
}
