package io.spate.table.api.internal;

import io.spate.api.annotation.Internal;
import io.spate.api.common.JobClient;
import io.spate.api.datastream.CloseableIterator;
import io.spate.api.types.Row;
import io.spate.table.api.ResultKind;
import io.spate.table.api.TableException;
import io.spate.table.api.TableResult;
import io.spate.table.catalog.ResolvedSchema;
import io.spate.table.types.logical.VarCharType;
import io.spate.table.utils.TableauPrinter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/** A statement's result: its job (if any), its schema and its rows. */
@Internal
public final class TableResultImpl implements TableResult {

  private static final ResolvedSchema RESULT_SCHEMA = ResolvedSchema.physical(List.of("result"),
      List.of(VarCharType.STRING_TYPE));

  /** The result of a statement that changed the session or catalog: one row, {@code OK}. */
  public static final TableResult OK = new TableResultImpl(null, RESULT_SCHEMA, ResultKind.SUCCESS,
      () -> CloseableIterator.adapterForIterator(List.of(Row.of("OK")).iterator()), false, ZoneId.of("UTC"));

  private final JobClient job;
  private final ResolvedSchema schema;
  private final ResultKind kind;
  private final RowSupplier rows;
  private final boolean streaming;
  private final ZoneId zone;
  private final AtomicBoolean taken = new AtomicBoolean();

  /** How the rows are got, once. */
  @FunctionalInterface
  public interface RowSupplier {
    /** The rows. */
    CloseableIterator<Row> rows();
  }

  /**
   * A result of {@code job} (null if none) with rows of {@code schema} from {@code rows}; {@code
   * streaming} prints the change kind of each row.
   */
  public TableResultImpl(JobClient job, ResolvedSchema schema, ResultKind kind, RowSupplier rows, boolean streaming,
      ZoneId zone) {
    this.job = job;
    this.schema = schema;
    this.kind = kind;
    this.rows = rows;
    this.streaming = streaming;
    this.zone = zone;
  }

  /** A result of fixed rows (SHOW, DESCRIBE, EXPLAIN) with {@code schema}. */
  public static TableResult ofRows(ResolvedSchema schema, List<Row> rows) {
    return new TableResultImpl(null, schema, ResultKind.SUCCESS_WITH_CONTENT,
        () -> CloseableIterator.adapterForIterator(rows.iterator()), false, ZoneId.of("UTC"));
  }

  @Override
  public Optional<JobClient> getJobClient() {
    return Optional.ofNullable(job);
  }

  @Override
  public void await() throws InterruptedException, ExecutionException {
    if (job != null) {
      job.getJobExecutionResult().get();
    }
  }

  @Override
  public void await(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
    if (job != null) {
      job.getJobExecutionResult().get(timeout, unit);
    }
  }

  @Override
  public ResolvedSchema getResolvedSchema() {
    return schema;
  }

  @Override
  public ResultKind getResultKind() {
    return kind;
  }

  @Override
  public CloseableIterator<Row> collect() {
    if (this != OK && !taken.compareAndSet(false, true)) {
      throw new TableException("The rows of this result were already taken: collect() and print() read them once");
    }
    return rows.rows();
  }

  @Override
  public void print() {
    printTo(new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8)));
  }

  /** Prints the result's rows as {@link #print()} does, to {@code out}. */
  public void printTo(PrintWriter out) {
    try (CloseableIterator<Row> iterator = collect()) {
      new TableauPrinter(schema.getColumnNames(), schema.getColumnTypes(), streaming, zone).print(iterator, out);
    }
  }
}
