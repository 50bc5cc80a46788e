package io.spate.cli.sql;

import io.spate.api.types.RowKind;
import io.spate.table.types.logical.LogicalType;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp.Capability;
import org.jline.utils.NonBlockingReader;

/**
 * The full-screen view of a query's result in table or changelog mode: it redraws the rows of a
 * {@link ResultBuffer} as they change (at most every {@link #REFRESH_MILLIS} ms) until the user
 * presses {@code Q} (or Ctrl-C). The table view shows the first rows that fit, the changelog view the
 * latest changes.
 */
final class ResultView {

  /** How often the view looks for new rows and keys. */
  static final long REFRESH_MILLIS = 250;

  private static final int CTRL_C = 3;

  private final ResultBuffer buffer;
  private final List<String> names;
  private final List<LogicalType> types;
  private final ZoneId zone;

  ResultView(ResultBuffer buffer, List<String> names, List<LogicalType> types, ZoneId zone) {
    this.buffer = buffer;
    this.names = names;
    this.types = types;
    this.zone = zone;
  }

  /** Shows the view on {@code terminal} until the user leaves it. */
  void show(Terminal terminal) throws IOException {
    Attributes saved = terminal.enterRawMode();
    boolean alternate = terminal.puts(Capability.enter_ca_mode);
    NonBlockingReader keys = terminal.reader();
    AtomicBoolean interrupted = new AtomicBoolean();
    Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> interrupted.set(true));
    try {
      long drawn = -1;
      while (!interrupted.get()) {
        long version = buffer.version();
        if (version != drawn) {
          draw(terminal);
          drawn = version;
        }
        int key = keys.read(REFRESH_MILLIS);
        if (key == 'q' || key == 'Q' || key == CTRL_C || key == NonBlockingReader.EOF) {
          return;
        }
      }
    } finally {
      terminal.handle(Terminal.Signal.INT, previous);
      if (alternate) {
        terminal.puts(Capability.exit_ca_mode);
      }
      terminal.setAttributes(saved);
      terminal.flush();
    }
  }

  private void draw(Terminal terminal) {
    terminal.puts(Capability.clear_screen);
    PrintWriter out = terminal.writer();
    int width = terminal.getWidth() > 0 ? terminal.getWidth() : 80;
    int height = terminal.getHeight() > 0 ? terminal.getHeight() : 24;
    for (String line : render(width, height)) {
      out.print(line);
      out.print("\r\n");
    }
    out.flush();
  }

  /** The lines of the view on a screen of {@code width} columns and {@code height} lines. */
  List<String> render(int width, int height) {
    List<Object[]> rows = buffer.rows();
    List<RowKind> kinds = buffer.kinds();
    boolean changelog = buffer.isChangelog();
    int room = Math.max(1, height - 4);
    int first = changelog ? Math.max(0, rows.size() - room) : 0;
    int last = Math.min(rows.size(), first + room);
    List<String> header = new ArrayList<>();
    if (changelog) {
      header.add("op");
    }
    header.addAll(names);
    List<List<String>> cells = new ArrayList<>();
    for (int r = first; r < last; r++) {
      List<String> line = new ArrayList<>();
      if (changelog) {
        line.add(kinds.get(r).shortString());
      }
      for (int i = 0; i < names.size(); i++) {
        line.add(CellText.of(rows.get(r)[i], types.get(i), zone));
      }
      cells.add(line);
    }
    int[] widths = new int[header.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = header.get(i).length();
      for (List<String> line : cells) {
        widths[i] = Math.max(widths[i], Math.min(CellText.MAX_WIDTH, line.get(i).length()));
      }
    }
    List<String> lines = new ArrayList<>();
    lines.add(fit(title(rows.size(), first, last), width));
    lines.add("");
    lines.add(fit(line(header, widths), width));
    for (List<String> line : cells) {
      lines.add(fit(line(line, widths), width));
    }
    return lines;
  }

  private String title(int total, int first, int last) {
    String what = buffer.isChangelog() ? "Changelog" : "Table";
    String status = buffer.failure() != null ? "failed: " + buffer.failure()
        : buffer.ended() ? "finished" : "running";
    String shown = total == 0 ? "no rows yet" : "rows " + (first + 1) + "-" + last + " of " + total;
    return "Spate SQL " + what + " result (" + status + "), " + shown + ".  Q: quit";
  }

  private static String line(List<String> cells, int[] widths) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      String cell = CellText.fit(cells.get(i), widths[i]);
      out.append(i == 0 ? "" : " ").append(" ".repeat(widths[i] - cell.length())).append(cell);
    }
    return out.toString();
  }

  private static String fit(String line, int width) {
    return line.length() <= width ? line : line.substring(0, width);
  }
}
