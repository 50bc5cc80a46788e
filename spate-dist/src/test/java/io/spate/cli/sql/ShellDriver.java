package io.spate.cli.sql;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.impl.DumbTerminal;

/** Runs the SQL shell on typed input through a JLine terminal over streams, with no real TTY. */
final class ShellDriver {

  private ShellDriver() {}

  /** A terminal of {@code type} ("dumb" for a pipe, "xterm" for a screen) reading {@code input}. */
  static Terminal terminal(String type, String input, ByteArrayOutputStream output) {
    try {
      if (type.equals(Terminal.TYPE_DUMB)) {
        // The terminal JLine gives a process whose standard input is a pipe.
        return new DumbTerminal("Spate SQL", type, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
            output, StandardCharsets.UTF_8);
      }
      return TerminalBuilder.builder().system(false).type(type).encoding(StandardCharsets.UTF_8)
          .streams(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), output)
          .size(new org.jline.terminal.Size(120, 30)).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What the shell prints for {@code input} typed on a dumb terminal, on an embedded cluster. */
  static String runEmbedded(String input) {
    return run(Terminal.TYPE_DUMB, input);
  }

  /** What the shell prints for {@code input} typed on a terminal of {@code type}, on an embedded cluster. */
  static String run(String type, String input) {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    try (Terminal terminal = terminal(type, input, output)) {
      new SqlShell(terminal, SqlSession.embedded(false, terminal), null).run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return output.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
  }
}
