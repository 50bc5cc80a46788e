package io.spate.cli.sql;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.jline.terminal.impl.ExternalTerminal;

/**
 * The SQL shell running on a thread of its own, typed into line by line as a user would, its output
 * read as it comes: for tests that must see a result (a job id, rows in a view) before typing on.
 */
final class InteractiveShell implements AutoCloseable {

  private static final Pattern CONTROL = Pattern.compile("\r|\u001b\\[[0-9;?]*[A-Za-z]|\u001b[=>]");

  private final PipedOutputStream keyboard = new PipedOutputStream();
  private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
  private final Terminal terminal;
  private final Thread thread;
  private int consumed;

  /** A shell on a terminal of {@code type} ("dumb" as for a pipe, "xterm" for the views) on an embedded cluster. */
  InteractiveShell(String type) {
    this(type, terminal -> SqlSession.embedded(false, terminal));
  }

  /** A shell on a terminal of {@code type} whose session {@code sessions} makes (on the shell's thread). */
  InteractiveShell(String type, java.util.function.Function<Terminal, SqlSession> sessions) {
    try {
      PipedInputStream in = new PipedInputStream(keyboard, 64 * 1024);
      OutputStream out = new OutputStream() {
        @Override
        public void write(int b) {
          synchronized (screen) {
            screen.write(b);
          }
        }

        @Override
        public void write(byte[] b, int off, int len) {
          synchronized (screen) {
            screen.write(b, off, len);
          }
        }
      };
      terminal = type.equals(Terminal.TYPE_DUMB)
          ? new DumbTerminal("Spate SQL", type, in, out, StandardCharsets.UTF_8)
          : new ExternalTerminal("Spate SQL", type, in, out, StandardCharsets.UTF_8);
      // An external terminal, not a pty, so that Ctrl-C typed here reaches the shell's handlers as a signal.
      terminal.setSize(new Size(120, 30));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // The session is made on the shell's thread, as ./spate sql makes it: the planner keeps state per thread.
    thread = new Thread(() -> new SqlShell(terminal, sessions.apply(terminal), null).run(),
        "sql-shell-under-test");
    thread.setDaemon(true);
    thread.start();
  }

  /** Types {@code text} (a newline is not added). */
  InteractiveShell type(String text) {
    try {
      keyboard.write(text.getBytes(StandardCharsets.UTF_8));
      keyboard.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Everything printed so far, without carriage returns and terminal control sequences. */
  String output() {
    synchronized (screen) {
      return CONTROL.matcher(screen.toString(StandardCharsets.UTF_8)).replaceAll("");
    }
  }

  /**
   * Waits until the output printed since the last match contains {@code regex}; returns the match
   * (its groups usable) and consumes the output up to its end.
   */
  Matcher await(String regex, Duration timeout) throws InterruptedException {
    Pattern pattern = Pattern.compile(regex);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      String output = output();
      Matcher matcher = pattern.matcher(output);
      if (matcher.find(consumed)) {
        consumed = matcher.end();
        return matcher;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("The shell did not print /" + regex + "/ within " + timeout + "; it printed:\n"
        + output().substring(consumed));
  }

  /** Types {@code QUIT;} and waits for the shell to end. */
  void quit() throws InterruptedException {
    type("QUIT;\n");
    thread.join(Duration.ofSeconds(30).toMillis());
  }

  @Override
  public void close() throws Exception {
    if (thread.isAlive()) {
      quit();
    }
    keyboard.close();
    terminal.close();
  }
}
