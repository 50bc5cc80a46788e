package io.spate.cli.sql;

import io.spate.api.annotation.Internal;
import io.spate.cli.rest.RestClusterClient;
import io.spate.table.parse.ParsedStatement;
import io.spate.table.parse.SqlStatementParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;

/**
 * Runs SQL scripts against a session cluster ({@code ./spate sql -m host:port -f script.sql}): each
 * script is parsed whole first, then its statements run one by one in one session as the shell runs
 * them there (inserts submitted as jobs, their ids printed; queries run on the cluster, their rows
 * printed as a table). The first failing statement stops the run, naming its place.
 */
@Internal
public final class RemoteScript {

  private RemoteScript() {}

  /**
   * Runs {@code scripts} (an init script, then the script) in order on {@code cluster}, printing to
   * {@code out}; returns 0, or 1 after printing the first failure to {@code err}.
   */
  public static int run(RestClusterClient cluster, boolean batch, List<String> scripts, PrintWriter out,
      PrintWriter err) throws IOException {
    List<ParsedStatement> statements = new ArrayList<>();
    try {
      for (String script : scripts) {
        statements.addAll(SqlStatementParser.parseScript(script));
      }
    } catch (RuntimeException e) {
      err.println("[ERROR] " + SqlSession.reason(e));
      return 1;
    }
    try (Terminal terminal = new DumbTerminal("Spate SQL", Terminal.TYPE_DUMB, InputStream.nullInputStream(),
        new WriterStream(out), StandardCharsets.UTF_8);
        SqlSession session = SqlSession.remote(cluster, batch, terminal)) {
      for (ParsedStatement statement : statements) {
        try {
          session.executeOrThrow(statement);
        } catch (Exception e) {
          terminal.writer().flush();
          err.println("[ERROR] The statement at " + statement.text().positionOf(0) + " failed: "
              + SqlSession.reason(e));
          return 1;
        }
        terminal.writer().flush();
      }
    }
    return 0;
  }

  /** The terminal's bytes, as text, on the command's writer (flushed at each flush of the terminal). */
  private static final class WriterStream extends OutputStream {
    private final PrintWriter writer;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    WriterStream(PrintWriter writer) {
      this.writer = writer;
    }

    @Override
    public void write(int b) {
      pending.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      pending.write(b, off, len);
    }

    @Override
    public void flush() {
      writer.write(pending.toString(StandardCharsets.UTF_8));
      pending.reset();
      writer.flush();
    }
  }
}
