package io.spate.table.client;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.common.JobClient;
import io.spate.table.api.EnvironmentSettings;
import io.spate.table.api.ResultKind;
import io.spate.table.api.TableEnvironment;
import io.spate.table.api.TableException;
import io.spate.table.api.TableResult;
import io.spate.table.api.internal.TableResultImpl;
import io.spate.table.parse.ParsedStatement;
import io.spate.table.parse.SqlStatementParser;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * Runs a SQL script, statement by statement, in one session: what {@code spate sql -f script.sql}
 * does. The whole script is split into statements (and its DDL parsed) first, so that a malformed
 * statement there stops it before anything runs. A query's rows are printed as a table (when its job ends); an {@code INSERT} or statement
 * set starts its job and the script goes on; at the end the script waits for the jobs it started.
 * The first statement that fails stops the script.
 */
@PublicEvolving
public final class SqlScript {

  private final TableEnvironment tEnv;
  private final PrintWriter out;
  private final List<JobClient> jobs = new ArrayList<>();

  /** A script runner whose session runs with {@code settings} and prints to {@code out}. */
  public SqlScript(EnvironmentSettings settings, PrintWriter out) {
    this.tEnv = TableEnvironment.create(settings);
    this.out = out;
  }

  /** The session the script's statements run in. */
  public TableEnvironment session() {
    return tEnv;
  }

  /** Runs every statement of {@code script}, then waits for the jobs its inserts started. */
  public void run(String script) throws InterruptedException {
    List<ParsedStatement> statements = SqlStatementParser.parseScript(script);
    for (ParsedStatement statement : statements) {
      TableResult result;
      try {
        result = tEnv.executeSql(statement.text().text());
      } catch (RuntimeException e) {
        throw new TableException("The statement at " + statement.text().positionOf(0) + " failed: "
            + e.getMessage(), e);
      }
      report(statement, result);
    }
    for (JobClient job : jobs) {
      try {
        job.getJobExecutionResult().get();
      } catch (ExecutionException e) {
        throw new TableException("Job " + job.getJobID() + " failed: " + e.getCause().getMessage(), e.getCause());
      }
    }
  }

  private void report(ParsedStatement statement, TableResult result) {
    boolean startsJob = statement instanceof ParsedStatement.Insert || statement instanceof ParsedStatement.StatementSet
        || statement instanceof ParsedStatement.Execute execute && execute.executed() instanceof ParsedStatement.Insert;
    if (startsJob && result.getJobClient().isPresent()) {
      JobClient job = result.getJobClient().get();
      jobs.add(job);
      out.println("[INFO] Started job " + job.getJobID() + " for the statement at " + statement.text().positionOf(0));
    } else if (result.getResultKind() == ResultKind.SUCCESS) {
      out.println("[INFO] OK");
    } else if (result instanceof TableResultImpl printable) {
      printable.printTo(out);
    } else {
      result.print(); // another implementation prints to standard output
    }
    out.flush();
  }
}
