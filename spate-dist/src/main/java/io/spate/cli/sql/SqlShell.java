package io.spate.cli.sql;

import io.spate.api.annotation.Internal;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/**
 * The interactive shell of {@code ./spate sql}: reads statements with line editing and history
 * (a statement may span lines and ends with {@code ;}), runs them in a {@link SqlSession}, and
 * goes on after an error, until {@code QUIT;}, {@code EXIT;} or Ctrl-D.
 */
@Internal
public final class SqlShell {

  /** The prompt of a new statement. */
  public static final String PROMPT = "Spate SQL> ";

  /** The prompt of a statement's further lines. */
  public static final String CONTINUATION_PROMPT = "> ";

  private final Terminal terminal;
  private final SqlSession session;
  private final Path historyFile;
  private final PrintWriter out;

  /** A shell on {@code terminal} for {@code session}, keeping its history in {@code historyFile} (none when null). */
  public SqlShell(Terminal terminal, SqlSession session, Path historyFile) {
    this.terminal = terminal;
    this.session = session;
    this.historyFile = historyFile;
    this.out = terminal.writer();
  }

  /**
   * Runs the statements of {@code script}, an init script, as if typed; stops at the first that fails
   * and returns false then.
   */
  public boolean runScript(String script) {
    for (String statement : StatementSplitter.split(script)) {
      if (!session.execute(statement)) {
        return false;
      }
    }
    return true;
  }

  /** Reads and runs statements until the user quits; then ends the session. */
  public void run() {
    LineReaderBuilder builder = LineReaderBuilder.builder().terminal(terminal).appName("Spate SQL")
        .parser(new SqlLineParser())
        .variable(LineReader.SECONDARY_PROMPT_PATTERN, CONTINUATION_PROMPT)
        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
        .option(LineReader.Option.INSERT_TAB, true);
    if (historyFile != null) {
      builder.variable(LineReader.HISTORY_FILE, historyFile);
    }
    LineReader reader = builder.build();
    out.println("Welcome to the Spate SQL client. Statements end with ';'. HELP; lists the commands,"
        + " QUIT; (or Ctrl-D) leaves.");
    out.println();
    out.flush();
    try {
      while (true) {
        String input;
        try {
          input = reader.readLine(PROMPT);
        } catch (UserInterruptException e) {
          continue; // Ctrl-C at the prompt drops what was typed
        } catch (EndOfFileException e) {
          break;
        }
        if (!runInput(input)) {
          break;
        }
      }
    } finally {
      out.println("Shutting down the session...");
      session.close();
      out.println("done.");
      out.flush();
    }
  }

  /** Runs every statement of one input; returns false when one of them quits the shell. */
  private boolean runInput(String input) {
    if (Terminal.TYPE_DUMB.equals(terminal.getType())) {
      out.println(); // input from a pipe is not echoed: the output starts on a line of its own
    }
    for (String statement : StatementSplitter.split(input)) {
      ShellCommand command = ShellCommand.of(statement);
      if (command == ShellCommand.QUIT || command == ShellCommand.EXIT) {
        return false;
      }
      if (command == ShellCommand.HELP) {
        out.println(ShellCommand.help());
        out.flush();
      } else {
        session.execute(statement);
      }
      out.println();
      out.flush();
    }
    return true;
  }
}
