package io.spate.connectors.jdbc;

import io.spate.api.connector.sink.Committer;
import io.spate.api.functions.SerializableSupplier;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import javax.sql.XAConnection;
import javax.sql.XADataSource;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits the prepared XA transactions of the exactly-once JDBC sink once their checkpoint has
 * completed, on a connection of its own. A transaction the database no longer knows was committed
 * before (a restore commits again what its checkpoint held); one that fails because the database
 * is unreachable is tried again, up to {@code maxCommitAttempts} times.
 */
final class JdbcXaCommitter implements Committer<SinkXid> {

  private static final Logger LOG = LoggerFactory.getLogger(JdbcXaCommitter.class);

  private final SerializableSupplier<XADataSource> dataSource;
  private final int maxAttempts;
  private final Duration backoff;
  private XAConnection connection;
  private XAResource resource;

  JdbcXaCommitter(SerializableSupplier<XADataSource> dataSource, int maxAttempts, Duration backoff) {
    this.dataSource = dataSource;
    this.maxAttempts = maxAttempts;
    this.backoff = backoff;
  }

  @Override
  public void commit(Collection<SinkXid> committables) throws IOException, InterruptedException {
    for (SinkXid xid : committables) {
      commit(xid);
    }
  }

  private void commit(SinkXid xid) throws IOException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        resource().commit(xid, false);
        return;
      } catch (XAException e) {
        if (e.errorCode == XAException.XAER_NOTA) {
          LOG.info("{}: {} is not prepared any more: it was committed before", JdbcXaWriter.NAME, xid);
          return;
        }
        if (e.errorCode == XAException.XA_HEURCOM) {
          forgetQuietly(xid);
          return;
        }
        closeConnection();
        if (!XaErrors.isTransient(e) || attempt >= maxAttempts) {
          throw new IOException(JdbcXaWriter.NAME + ": cannot commit " + xid + " (attempt " + attempt + " of "
              + maxAttempts + "): " + XaErrors.describe(e), e);
        }
        LOG.warn("{}: committing {} failed (attempt {} of {}), trying again: {}", JdbcXaWriter.NAME, xid, attempt,
            maxAttempts, XaErrors.describe(e));
      } catch (SQLException e) {
        closeConnection();
        if (!SqlErrors.isTransient(e) || attempt >= maxAttempts) {
          throw new IOException(JdbcXaWriter.NAME + ": cannot connect to commit " + xid + " (attempt " + attempt
              + " of " + maxAttempts + "): " + SqlErrors.describe(e), e);
        }
        LOG.warn("{}: connecting to commit {} failed (attempt {} of {}), trying again: {}", JdbcXaWriter.NAME, xid,
            attempt, maxAttempts, SqlErrors.describe(e));
      }
      TimeUnit.MILLISECONDS.sleep(backoff.toMillis() * attempt);
    }
  }

  private XAResource resource() throws SQLException {
    if (resource == null) {
      XADataSource source = dataSource.get();
      if (source == null) {
        throw new SQLException(JdbcXaWriter.NAME + ": the XADataSource supplier returned null");
      }
      connection = source.getXAConnection();
      resource = connection.getXAResource();
    }
    return resource;
  }

  private void forgetQuietly(SinkXid xid) {
    try {
      resource.forget(xid);
    } catch (XAException e) {
      LOG.debug("{}: forgetting {} failed: {}", JdbcXaWriter.NAME, xid, XaErrors.describe(e));
    }
  }

  private void closeConnection() {
    resource = null;
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        // A broken connection fails to close; nothing is left to release.
      }
      connection = null;
    }
  }

  @Override
  public void close() {
    closeConnection();
  }
}
