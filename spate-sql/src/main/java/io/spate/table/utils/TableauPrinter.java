package io.spate.table.utils;

import io.spate.api.annotation.Internal;
import io.spate.api.types.Row;
import io.spate.table.runtime.expr.Casts;
import io.spate.table.runtime.expr.ValueType;
import io.spate.table.types.logical.LocalZonedTimestampType;
import io.spate.table.types.logical.LogicalType;
import io.spate.table.types.logical.TimeType;
import io.spate.table.types.logical.TimestampType;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Prints rows as a table with borders, as Flink's {@code TableResult.print()} does: a header, one line
 * per row (with the change kind in an {@code op} column for streaming results), NULL as {@code <NULL>},
 * and a line that counts the rows.
 */
@Internal
public final class TableauPrinter {

  private static final String NULL = "<NULL>";

  private final List<String> names;
  private final List<LogicalType> types;
  private final boolean showKind;
  private final ZoneId zone;

  /** A printer of rows with columns {@code names} of {@code types}; {@code showKind} adds the {@code op} column. */
  public TableauPrinter(List<String> names, List<LogicalType> types, boolean showKind, ZoneId zone) {
    this.names = names;
    this.types = types;
    this.showKind = showKind;
    this.zone = zone;
  }

  /** Prints every row {@code rows} gives, then the count line; reads them all first to size the columns. */
  public void print(Iterator<Row> rows, PrintWriter out) {
    List<String[]> lines = new ArrayList<>();
    while (rows.hasNext()) {
      lines.add(cells(rows.next()));
    }
    List<String> header = new ArrayList<>();
    if (showKind) {
      header.add("op");
    }
    header.addAll(names);
    int[] widths = new int[header.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = header.get(i).length();
    }
    for (String[] line : lines) {
      for (int i = 0; i < line.length; i++) {
        widths[i] = Math.max(widths[i], line[i].length());
      }
    }
    if (lines.isEmpty() && !showKind) {
      out.println("Empty set");
      out.flush();
      return;
    }
    String border = border(widths);
    out.println(border);
    out.println(line(header.toArray(new String[0]), widths));
    out.println(border);
    for (String[] line : lines) {
      out.println(line(line, widths));
    }
    out.println(border);
    out.println(lines.size() == 1 ? "1 row in set" : lines.size() + " rows in set");
    out.flush();
  }

  private String[] cells(Row row) {
    int offset = showKind ? 1 : 0;
    String[] cells = new String[names.size() + offset];
    if (showKind) {
      cells[0] = row.getKind().shortString();
    }
    for (int i = 0; i < names.size(); i++) {
      cells[i + offset] = text(row.getField(i), types.get(i));
    }
    return cells;
  }

  private String text(Object value, LogicalType type) {
    if (value == null) {
      return NULL;
    }
    int precision = type instanceof TimestampType t ? t.getPrecision()
        : type instanceof LocalZonedTimestampType t ? t.getPrecision()
        : type instanceof TimeType t ? t.getPrecision() : -1;
    return Casts.toText(value, new ValueType(ValueType.Kind.OTHER, precision, -1), zone);
  }

  private static String border(int[] widths) {
    StringBuilder out = new StringBuilder("+");
    for (int width : widths) {
      out.append("-".repeat(width + 2)).append('+');
    }
    return out.toString();
  }

  private static String line(String[] cells, int[] widths) {
    StringBuilder out = new StringBuilder("|");
    for (int i = 0; i < cells.length; i++) {
      out.append(' ').append(" ".repeat(widths[i] - cells[i].length())).append(cells[i]).append(" |");
    }
    return out.toString();
  }
}
