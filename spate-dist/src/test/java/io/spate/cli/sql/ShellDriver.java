package io.spate.cli.sql;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;

/** Runs the SQL shell on input piped into it (JLine's dumb terminal, as for a pipe), with no real TTY. */
final class ShellDriver {

  private ShellDriver() {}

  /** What the shell prints for {@code input} piped into it, on an embedded cluster, until the input ends. */
  static String runEmbedded(String input) {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    try (Terminal terminal = new DumbTerminal("Spate SQL", Terminal.TYPE_DUMB,
        new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), output, StandardCharsets.UTF_8)) {
      new SqlShell(terminal, SqlSession.embedded(false, terminal), null).run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return output.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
  }
}
