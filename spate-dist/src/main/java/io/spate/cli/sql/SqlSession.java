package io.spate.cli.sql;

import io.spate.api.annotation.Internal;
import io.spate.api.common.JobClient;
import io.spate.api.datastream.CloseableIterator;
import io.spate.api.types.Row;
import io.spate.cli.rest.RestClusterClient;
import io.spate.table.api.EnvironmentSettings;
import io.spate.table.api.ResultKind;
import io.spate.table.api.TableEnvironment;
import io.spate.table.api.TableResult;
import io.spate.table.api.internal.TableResultImpl;
import io.spate.table.catalog.ResolvedSchema;
import io.spate.table.parse.ParsedStatement;
import io.spate.table.parse.SqlStatementParser;
import io.spate.table.types.logical.LogicalType;
import io.spate.table.types.logical.VarCharType;
import io.spate.table.utils.TableauPrinter;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jline.terminal.Terminal;

/**
 * One session of the SQL client: runs the statements the shell reads in one {@link TableEnvironment},
 * submits inserts to the session's cluster, answers {@code SHOW JOBS} and {@code STOP JOB}, and shows
 * query results in the mode of {@value ResultMode#KEY}. A failing statement prints its error and
 * leaves the session as it was.
 */
@Internal
public final class SqlSession implements AutoCloseable {

  private static final DateTimeFormatter START_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

  private final TableEnvironment tEnv;
  private final SessionJobs jobs;
  private final Terminal terminal;
  private final PrintWriter out;
  private final boolean batch;
  private final List<String> setup = new ArrayList<>();

  /**
   * A session running its statements in {@code tEnv} ({@code batch} when that is in batch mode), its
   * jobs on {@code jobs}' cluster, talking to the user through {@code terminal}.
   */
  SqlSession(TableEnvironment tEnv, SessionJobs jobs, Terminal terminal, boolean batch) {
    this.tEnv = tEnv;
    this.jobs = jobs;
    this.terminal = terminal;
    this.out = terminal.writer();
    this.batch = batch;
  }

  /** A session whose jobs run on the embedded cluster (in this process), in batch mode with {@code batch}. */
  public static SqlSession embedded(boolean batch, Terminal terminal) {
    return new SqlSession(TableEnvironment.create(settings(batch)), new EmbeddedJobs(), terminal, batch);
  }

  /** A session whose inserts run on the session cluster that {@code cluster} reaches. */
  public static SqlSession remote(RestClusterClient cluster, boolean batch, Terminal terminal) {
    return new SqlSession(TableEnvironment.create(settings(batch)), new RemoteJobs(cluster, batch), terminal, batch);
  }

  private static EnvironmentSettings settings(boolean batch) {
    return batch ? EnvironmentSettings.inBatchMode() : EnvironmentSettings.inStreamingMode();
  }

  /** Runs one statement (without its {@code ;}) and prints its outcome; returns whether it succeeded. */
  boolean execute(String statement) {
    try {
      run(statement, SqlStatementParser.parseStatement(statement));
      return true;
    } catch (Exception e) {
      out.println("[ERROR] Could not execute SQL statement. Reason:");
      out.println(reason(e));
      return false;
    } finally {
      out.flush();
    }
  }

  /** Runs one parsed statement and prints its outcome; a failure is thrown, not printed (for scripts). */
  void executeOrThrow(ParsedStatement statement) throws Exception {
    try {
      run(statement.text().text(), statement);
    } finally {
      out.flush();
    }
  }

  private void run(String text, ParsedStatement statement) throws Exception {
    if (statement instanceof ParsedStatement.Show show && show.kind() == ParsedStatement.ShowKind.JOBS) {
      showJobs();
    } else if (statement instanceof ParsedStatement.StopJob stop) {
      String savepoint = jobs.stop(stop.jobId(), stop.withSavepoint(), stop.withDrain());
      out.println(savepoint == null ? "[INFO] The specified job is stopped."
          : "[INFO] The specified job is stopped with savepoint " + savepoint + ".");
    } else if (startsInsert(statement)) {
      out.println("[INFO] Submitting SQL update statement to the cluster...");
      out.flush();
      String jobId = jobs.submitInsert(tEnv, List.copyOf(setup), text);
      out.println("[INFO] SQL update statement has been successfully submitted to the cluster:");
      out.println("Job ID: " + jobId);
    } else if (statement instanceof ParsedStatement.Query) {
      query(jobs.submitQuery(tEnv, List.copyOf(setup), text));
    } else {
      if (statement instanceof ParsedStatement.Set set && ResultMode.KEY.equals(set.key())) {
        ResultMode.parse(set.value());
      }
      TableResult result = tEnv.executeSql(text);
      if (result.getResultKind() == ResultKind.SUCCESS) {
        out.println("[INFO] Execute statement succeeded.");
      } else {
        printTable(result);
      }
      if (definesSession(statement)) {
        setup.add(text);
      }
    }
  }

  private static boolean startsInsert(ParsedStatement statement) {
    return statement instanceof ParsedStatement.Insert || statement instanceof ParsedStatement.StatementSet
        || statement instanceof ParsedStatement.Execute execute && startsInsert(execute.executed());
  }

  /** Whether a session cluster must replay {@code statement} to run a later insert as this session would. */
  private static boolean definesSession(ParsedStatement statement) {
    if (statement instanceof ParsedStatement.Set set) {
      return set.key() != null && !set.key().startsWith("sql-client.");
    }
    return statement instanceof ParsedStatement.CreateTable || statement instanceof ParsedStatement.CreateView
        || statement instanceof ParsedStatement.CreateDatabase || statement instanceof ParsedStatement.Drop
        || statement instanceof ParsedStatement.AlterTableOptions || statement instanceof ParsedStatement.AlterRename
        || statement instanceof ParsedStatement.Use || statement instanceof ParsedStatement.Reset;
  }

  private void showJobs() throws Exception {
    List<Row> rows = new ArrayList<>();
    for (JobSummary job : jobs.list()) {
      rows.add(Row.of(job.id(), job.name(), job.status(),
          START_TIME.format(job.startTime().atZone(tEnv.getConfig().getLocalTimeZone()))));
    }
    LogicalType string = VarCharType.STRING_TYPE;
    printTable(TableResultImpl.ofRows(ResolvedSchema.physical(List.of("job id", "job name", "status", "start time"),
        List.of(string, string, string, string)), rows));
  }

  private void printTable(TableResult result) {
    ResolvedSchema schema = result.getResolvedSchema();
    try (CloseableIterator<Row> rows = result.collect()) {
      new TableauPrinter(schema.getColumnNames(), schema.getColumnTypes(), false, zone()).print(rows, out);
    } catch (Exception e) {
      throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
    }
  }

  private void query(TableResult result) throws IOException {
    result.getJobClient().ifPresent(jobs::queryStarted);
    ResolvedSchema schema = result.getResolvedSchema();
    ResultMode mode = ResultMode.of(tEnv.getConfig().toMap());
    if (batch && (mode == ResultMode.TABLEAU || !isInteractive())) {
      printTable(result);
      return;
    }
    CloseableIterator<Row> rows = result.collect();
    if (mode == ResultMode.TABLEAU || !isInteractive()) {
      AtomicBoolean cancelled = new AtomicBoolean();
      Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> {
        cancelled.set(true);
        closeQuietly(rows);
      });
      try {
        new StreamingTableau(schema.getColumnNames(), schema.getColumnTypes(), zone()).print(rows, out,
            cancelled::get);
      } finally {
        terminal.handle(Terminal.Signal.INT, previous);
        closeQuietly(rows);
      }
      return;
    }
    ResultBuffer buffer = new ResultBuffer(mode == ResultMode.CHANGELOG && !batch);
    Thread reader = new Thread(() -> fill(buffer, rows), "spate-sql-result");
    reader.setDaemon(true);
    reader.start();
    try {
      new ResultView(buffer, schema.getColumnNames(), schema.getColumnTypes(), zone()).show(terminal);
    } finally {
      closeQuietly(rows);
    }
    if (buffer.failure() != null) {
      out.println("[ERROR] The query failed: " + buffer.failure());
    }
  }

  private static void fill(ResultBuffer buffer, CloseableIterator<Row> rows) {
    try {
      while (rows.hasNext()) {
        buffer.add(rows.next());
      }
      buffer.end(null);
    } catch (RuntimeException e) {
      buffer.end(reason(e));
    }
  }

  /** Whether the terminal can show the table and changelog views; on a pipe or dumb terminal results are printed. */
  private boolean isInteractive() {
    String type = terminal.getType();
    return type != null && !type.startsWith(Terminal.TYPE_DUMB);
  }

  private ZoneId zone() {
    return tEnv.getConfig().getLocalTimeZone();
  }

  private static void closeQuietly(CloseableIterator<Row> rows) {
    try {
      rows.close();
    } catch (Exception e) {
      // The query is being abandoned; its job is cancelled either way.
    }
  }

  /** The message a user reads for {@code failure}: its own, and its causes' where they say more. */
  static String reason(Throwable failure) {
    StringBuilder text = new StringBuilder(message(failure));
    for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      String message = message(cause);
      if (!text.toString().contains(message)) {
        text.append(System.lineSeparator()).append("Caused by: ").append(message);
      }
    }
    return text.toString();
  }

  private static String message(Throwable failure) {
    if (failure instanceof java.util.concurrent.ExecutionException && failure.getCause() != null) {
      return message(failure.getCause());
    }
    return failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
  }

  /** Ends the session: jobs it started on the embedded cluster end with it. */
  @Override
  public void close() {
    jobs.close();
  }
}
