package io.spate.cli.sql;

import io.spate.api.types.Row;
import io.spate.table.types.logical.LogicalType;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Prints a streaming result in tableau mode: the header at once, then each row as it arrives, with
 * its change kind in the {@code op} column. Columns are sized by their types, since the rows are not
 * known in advance; longer values are cut.
 */
final class StreamingTableau {

  private final List<String> names;
  private final List<LogicalType> types;
  private final ZoneId zone;
  private final int[] widths;

  StreamingTableau(List<String> names, List<LogicalType> types, ZoneId zone) {
    this.names = names;
    this.types = types;
    this.zone = zone;
    this.widths = new int[names.size() + 1];
    widths[0] = 2;
    for (int i = 0; i < names.size(); i++) {
      widths[i + 1] = CellText.width(names.get(i), types.get(i));
    }
  }

  /**
   * Prints the rows of {@code rows} until it ends or {@code cancelled} says so (the iterator is then
   * closed by whoever cancelled); returns how many rows were printed.
   */
  long print(Iterator<Row> rows, PrintWriter out, BooleanSupplier cancelled) {
    String border = border();
    List<String> header = new ArrayList<>();
    header.add("op");
    header.addAll(names);
    out.println(border);
    out.println(line(header));
    out.println(border);
    out.flush();
    long count = 0;
    try {
      while (!cancelled.getAsBoolean() && rows.hasNext()) {
        Row row = rows.next();
        List<String> cells = new ArrayList<>();
        cells.add(row.getKind().shortString());
        for (int i = 0; i < names.size(); i++) {
          cells.add(CellText.of(row.getField(i), types.get(i), zone));
        }
        out.println(line(cells));
        out.flush();
        count++;
      }
    } catch (RuntimeException e) {
      if (!cancelled.getAsBoolean()) {
        throw e;
      }
      // Closing the iterator to cancel the query ends its wait for rows with an exception.
    }
    out.println(border);
    out.println(cancelled.getAsBoolean() ? "Query terminated, received a total of " + count + " " + rows(count)
        : "Received a total of " + count + " " + rows(count));
    out.flush();
    return count;
  }

  private static String rows(long count) {
    return count == 1 ? "row" : "rows";
  }

  private String border() {
    StringBuilder out = new StringBuilder("+");
    for (int width : widths) {
      out.append("-".repeat(width + 2)).append('+');
    }
    return out.toString();
  }

  private String line(List<String> cells) {
    StringBuilder out = new StringBuilder("|");
    for (int i = 0; i < cells.size(); i++) {
      String cell = CellText.fit(cells.get(i), widths[i]);
      out.append(' ').append(" ".repeat(widths[i] - cell.length())).append(cell).append(" |");
    }
    return out.toString();
  }
}
