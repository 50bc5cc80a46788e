package io.spate.connectors.jdbc;

import io.spate.api.connector.sink.CommittingSinkWriter;
import io.spate.api.connector.sink.StatefulSinkWriter;
import io.spate.api.connector.sink.SupportsBackpressure;
import io.spate.api.functions.SerializableSupplier;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.sql.XAConnection;
import javax.sql.XADataSource;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writer of {@link JdbcSink#exactlyOnceSink}: every record between two checkpoints goes into
 * one XA transaction of this subtask, executed in batches on a {@link BatchingWriterThread}; before
 * the checkpoint barrier the transaction is prepared and its id handed to the committer, which
 * commits it once the checkpoint completes.
 *
 * <p>At start the writer checks that the database can prepare transactions and rolls back the
 * prepared transactions of its job run (and of the runs it was restored from) that began at or
 * after the restored checkpoint: no completed checkpoint covers them, and the records they hold
 * are written again from the checkpoint's position.
 */
final class JdbcXaWriter<T> implements CommittingSinkWriter<T, SinkXid>, StatefulSinkWriter<T, XaWriterState>,
    SupportsBackpressure {

  private static final Logger LOG = LoggerFactory.getLogger(JdbcXaWriter.class);
  static final String NAME = "JdbcSink.exactlyOnceSink";

  private final String sql;
  private final JdbcStatementBuilder<T> statementBuilder;
  private final JdbcExactlyOnceOptions exactlyOnceOptions;
  private final SerializableSupplier<XADataSource> dataSource;
  private final UUID tag;
  private final Set<UUID> knownTags;
  /** The checkpoint restored from, or -1: prepared transactions that began at or after it are rolled back. */
  private final long restoredCheckpointId;
  private final int subtask;
  private final int parallelism;
  private final int attempt;
  private final BatchingWriterThread<T> thread;
  /** The last checkpoint this writer took part in; a new transaction's id names it. */
  private volatile long lastCheckpointId;
  // Used on the writer thread only.
  private XAConnection xaConnection;
  private XAResource xaResource;
  private Connection connection;
  private PreparedStatement statement;
  private SinkXid current;

  JdbcXaWriter(String sql, JdbcStatementBuilder<T> statementBuilder, JdbcExecutionOptions executionOptions,
      JdbcExactlyOnceOptions exactlyOnceOptions, SerializableSupplier<XADataSource> dataSource, UUID tag,
      Collection<XaWriterState> restored, int subtask, int parallelism, int attempt) {
    this.sql = sql;
    this.statementBuilder = statementBuilder;
    this.exactlyOnceOptions = exactlyOnceOptions;
    this.dataSource = dataSource;
    this.subtask = subtask;
    this.parallelism = parallelism;
    this.attempt = attempt;
    this.knownTags = new java.util.HashSet<>();
    this.knownTags.add(tag);
    long restoredId = -1;
    for (XaWriterState state : restored) {
      knownTags.add(state.tag());
      restoredId = Math.max(restoredId, state.checkpointId());
    }
    this.restoredCheckpointId = restoredId;
    this.lastCheckpointId = Math.max(0, restoredId);
    this.tag = tag;
    this.thread = new BatchingWriterThread<>("spate-jdbc-xa-writer (subtask " + subtask + ")",
        executionOptions.getBatchSize(), Duration.ofMillis(executionOptions.getBatchIntervalMs()),
        2 * executionOptions.getBatchSize(), this::start, this::execute);
  }

  @Override
  public void write(T element, Context context) throws IOException {
    thread.add(element);
  }

  @Override
  public CompletableFuture<Void> isAvailable() {
    return thread.isAvailable();
  }

  @Override
  public void flush(boolean endOfInput) throws IOException, InterruptedException {
    thread.flushAndCall(() -> null, JdbcAtLeastOnceWriter.FLUSH_TIMEOUT);
  }

  @Override
  public Collection<SinkXid> prepareCommit() throws IOException, InterruptedException {
    return thread.flushAndCall(this::prepareCurrent, JdbcAtLeastOnceWriter.FLUSH_TIMEOUT);
  }

  @Override
  public List<XaWriterState> snapshotState(long checkpointId) {
    lastCheckpointId = checkpointId;
    return List.of(new XaWriterState(tag, checkpointId));
  }

  @Override
  public void close() throws Exception {
    thread.close();
    if (xaConnection != null) {
      try {
        xaConnection.close(); // an active, unprepared transaction ends with the connection
      } catch (SQLException e) {
        LOG.debug("{}: closing the XA connection failed: {}", NAME, e.getMessage());
      }
    }
  }

  private Void start() throws Exception {
    XADataSource source;
    try {
      source = dataSource.get();
    } catch (RuntimeException e) {
      throw new IOException(NAME + ": the XADataSource supplier failed: " + e, e);
    }
    if (source == null) {
      throw new IOException(NAME + ": the XADataSource supplier returned null");
    }
    try {
      xaConnection = source.getXAConnection();
      xaResource = xaConnection.getXAResource();
      connection = xaConnection.getConnection();
    } catch (SQLException e) {
      throw new IOException(NAME + ": cannot open an XA connection: " + SqlErrors.describe(e), e);
    }
    if (exactlyOnceOptions.getTimeoutSec() != null) {
      xaResource.setTransactionTimeout(exactlyOnceOptions.getTimeoutSec());
    }
    probePreparedTransactions();
    if (exactlyOnceOptions.isRecoveredAndRollback()) {
      rollBackLingering();
    }
    try {
      statement = connection.prepareStatement(sql);
    } catch (SQLException e) {
      throw new IOException(NAME + ": cannot prepare the statement '" + sql + "': " + SqlErrors.describe(e), e);
    }
    return null;
  }

  /** Prepares an empty transaction and rolls it back, so that a database without XA fails the job at once. */
  private void probePreparedTransactions() throws IOException {
    SinkXid probe = new SinkXid(tag, subtask, lastCheckpointId, attempt, true);
    try {
      xaResource.start(probe, XAResource.TMNOFLAGS);
      xaResource.end(probe, XAResource.TMSUCCESS);
      int vote = xaResource.prepare(probe);
      if (vote == XAResource.XA_OK) {
        xaResource.rollback(probe);
      }
    } catch (XAException e) {
      if (XaErrors.preparedTransactionsDisabled(e)) {
        throw new IOException(NAME + ": the database does not allow prepared (two-phase) transactions, which"
            + " exactly-once needs: " + XaErrors.describe(e) + ". On PostgreSQL set max_prepared_transactions to"
            + " at least the sink's parallelism (it is 0 by default) and restart the server.", e);
      }
      throw new IOException(NAME + ": the database cannot run an XA transaction: " + XaErrors.describe(e), e);
    }
  }

  private void rollBackLingering() throws IOException {
    Xid[] prepared;
    try {
      prepared = xaResource.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN);
    } catch (XAException e) {
      throw new IOException(NAME + ": cannot list the prepared transactions (XAResource.recover): "
          + XaErrors.describe(e), e);
    }
    int rolledBack = 0;
    for (Xid xid : prepared == null ? new Xid[0] : prepared) {
      SinkXid ours = SinkXid.of(xid);
      if (ours == null || !knownTags.contains(ours.tag()) || Math.floorMod(ours.subtask(), parallelism) != subtask) {
        continue;
      }
      // Began before the restored checkpoint: its checkpoint completed, and the committer commits it.
      if (!ours.probe() && restoredCheckpointId >= 0 && ours.checkpointId() < restoredCheckpointId) {
        continue;
      }
      try {
        xaResource.rollback(xid);
        rolledBack++;
      } catch (XAException e) {
        if (e.errorCode != XAException.XAER_NOTA) {
          throw new IOException(NAME + ": cannot roll back the lingering prepared transaction " + ours + ": "
              + XaErrors.describe(e), e);
        }
      }
    }
    if (rolledBack > 0) {
      LOG.info("{} (subtask {}): rolled back {} prepared transactions that no completed checkpoint covers", NAME,
          subtask, rolledBack);
    }
  }

  private void execute(List<T> batch) throws IOException {
    try {
      if (current == null) {
        SinkXid xid = new SinkXid(tag, subtask, lastCheckpointId, attempt, false);
        xaResource.start(xid, XAResource.TMNOFLAGS);
        current = xid;
      }
    } catch (XAException e) {
      throw new IOException(NAME + ": cannot start an XA transaction: " + XaErrors.describe(e), e);
    }
    for (int i = 0; i < batch.size(); i++) {
      T record = batch.get(i);
      try {
        statementBuilder.accept(statement, record);
        statement.addBatch();
      } catch (SQLException | RuntimeException e) {
        throw new IOException(NAME + ": the statement builder failed on record " + record + " (#" + i
            + " of a batch of " + batch.size() + ") for '" + sql + "': " + e, e);
      }
    }
    try {
      statement.executeBatch();
    } catch (SQLException e) {
      throw new IOException(NAME + ": executing '" + sql + "' for a batch of " + batch.size() + " records in "
          + current + " failed: " + SqlErrors.describe(e), e);
    }
  }

  private List<SinkXid> prepareCurrent() throws IOException {
    SinkXid xid = current;
    if (xid == null) {
      return List.of();
    }
    current = null;
    try {
      xaResource.end(xid, XAResource.TMSUCCESS);
      int vote = xaResource.prepare(xid);
      return vote == XAResource.XA_RDONLY ? List.of() : List.of(xid);
    } catch (XAException e) {
      throw new IOException(NAME + ": cannot prepare " + xid + ": " + XaErrors.describe(e), e);
    }
  }
}
