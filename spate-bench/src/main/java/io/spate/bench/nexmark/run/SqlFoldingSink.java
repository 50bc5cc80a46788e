package io.spate.bench.nexmark.run;

import io.spate.api.connector.sink.Sink;
import io.spate.api.connector.sink.SinkWriter;
import io.spate.api.connector.sink.WriterInitContext;
import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import io.spate.bench.nexmark.NexmarkQueries;
import io.spate.bench.nexmark.ResultFold;
import io.spate.bench.nexmark.ResultSummary;
import io.spate.bench.nexmark.sql.ChangelogFold;
import io.spate.bench.nexmark.sql.FlatRecords;
import io.spate.bench.nexmark.sql.NexmarkSqlQueries;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sink of a Nexmark SQL run on Spate: each writer folds the result's changes as a changelog
 * ({@link ChangelogFold}), each row by the canonical hash of the DataStream version's record computed
 * from its columns ({@link FlatRecords#hash}: the hash the DataStream run's fold takes of that record,
 * with no record built), or, for a query with its own fold (q12), turns each row into that record
 * ({@link FlatRecords#build}) and folds it with that fold. Writers register with their run (by id, in
 * this JVM), so that the runner adds their summaries up once the job has ended.
 */
final class SqlFoldingSink implements Sink<Row> {

  private static final long serialVersionUID = 1L;

  private static final ConcurrentHashMap<String, Run> RUNS = new ConcurrentHashMap<>();

  private final String runId;
  private final String query;

  /** The writers of one run. */
  static final class Run {
    private final List<Writer> writers = new ArrayList<>();

    synchronized void add(Writer writer) {
      writers.add(writer);
    }

    /** The combined summary of the writers' folds: counts and checksums add. */
    synchronized ResultSummary summary() {
      long count = 0;
      long checksum = 0;
      for (Writer writer : writers) {
        ResultSummary s = writer.summary();
        count += s.count();
        checksum += s.checksum();
      }
      return new ResultSummary(count, checksum);
    }
  }

  SqlFoldingSink(String runId, String query) {
    this.runId = runId;
    this.query = query;
  }

  /** Starts collecting for the run {@code runId}. */
  static Run open(String runId) {
    Run run = new Run();
    if (RUNS.putIfAbsent(runId, run) != null) {
      throw new IllegalStateException("Run " + runId + " is already open");
    }
    return run;
  }

  /** Stops collecting for the run {@code runId}. */
  static void close(String runId) {
    RUNS.remove(runId);
  }

  @Override
  public SinkWriter<Row> createWriter(WriterInitContext context) {
    Run run = RUNS.get(runId);
    if (run == null) {
      throw new IllegalStateException("The Nexmark SQL sink of run " + runId + " runs outside its runner's JVM");
    }
    Writer writer = new Writer(query);
    run.add(writer);
    return writer;
  }

  /** Folds one subtask's changes. */
  static final class Writer implements SinkWriter<Row> {
    private static final FlatRecords.Columns<Row> COLUMNS = Row::getField;

    private final String query;
    private final FlatRecords<?> records;
    private final ChangelogFold changes;
    private final ResultFold<Object> own;

    Writer(String query) {
      this.query = query;
      this.records = FlatRecords.of(NexmarkSqlQueries.recordType(query));
      boolean foldedByQuery = NexmarkSqlQueries.foldedByQuery(query);
      this.changes = foldedByQuery ? null : new ChangelogFold(false);
      this.own = foldedByQuery ? NexmarkQueries.named(query).newFold(false) : null;
    }

    @Override
    public void write(Row row, Context context) {
      if (row.getArity() != records.columns()) {
        throw new IllegalStateException("Nexmark " + query + " in SQL gives rows of " + row.getArity()
            + " columns, but its DataStream version's rows have " + records.columns());
      }
      RowKind kind = row.getKind();
      if (own != null) {
        if (kind != RowKind.INSERT) {
          throw new IllegalStateException("Nexmark " + query + " in SQL must be insert-only, but gave " + kind);
        }
        own.add(records.build(row::getField));
      } else if (kind == RowKind.INSERT || kind == RowKind.UPDATE_AFTER) {
        changes.insertHashed(records.hash(row, COLUMNS));
      } else {
        changes.retractHashed(records.hash(row, COLUMNS));
      }
    }

    ResultSummary summary() {
      return own != null ? own.summary() : changes.summary();
    }

    @Override
    public void flush(boolean endOfInput) {}
  }
}
