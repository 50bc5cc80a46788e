package io.spate.connectors.jdbc;

import io.spate.api.functions.KeySelector;
import io.spate.api.functions.OpenContext;
import io.spate.api.functions.async.ResultFuture;
import io.spate.api.functions.async.RichAsyncFunction;
import io.spate.api.metrics.Counter;
import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeoutException;

/**
 * Enriches each record with the rows a query finds for its key, asynchronously: use it with
 * {@code AsyncDataStream.unorderedWait} or {@code orderedWait}. Queries run on the function's own
 * threads with connections from a HikariCP pool, never on the task's worker; results (empty ones
 * too) are kept in a bounded cache with a time to live, and concurrent lookups of one key share one
 * query. A query that fails because the connection broke or the database restarted is retried on a
 * fresh connection; other failures, and lookups that outlive the operator's timeout, fail the job
 * with the key and the query named.
 *
 * @param <IN> the input record type
 * @param <K> the lookup key type
 * @param <V> the type of one row found
 * @param <OUT> the output record type
 */
public final class JdbcAsyncLookupFunction<IN, K, V, OUT> extends RichAsyncFunction<IN, OUT> {

  private static final long serialVersionUID = 1L;
  static final String NAME = "JdbcAsyncLookupFunction";

  /** Joins an input record with the rows found for its key (possibly none). */
  @FunctionalInterface
  public interface Joiner<IN, V, OUT> extends Serializable {
    /** The output for {@code input} and the rows {@code found} for its key. */
    OUT join(IN input, List<V> found) throws Exception;
  }

  private final KeySelector<IN, K> keySelector;
  private final Joiner<IN, V, OUT> joiner;
  private final String sql;
  private final int poolSize;
  private final JdbcKeyLookup<K, V> lookup;

  private transient Counter hits;
  private transient Counter misses;

  private JdbcAsyncLookupFunction(Builder<IN, K, V, OUT> b, JdbcKeyLookup<K, V> lookup) {
    this.keySelector = b.keySelector;
    this.joiner = b.joiner;
    this.sql = b.sql;
    this.poolSize = b.poolSize;
    this.lookup = lookup;
  }

  /** A builder; the connection, query, key selector, key setter, result extractor and joiner are required. */
  public static <IN, K, V, OUT> Builder<IN, K, V, OUT> builder() {
    return new Builder<>();
  }

  @Override
  public void open(OpenContext openContext) throws Exception {
    lookup.open(getRuntimeContext().getIndexOfThisSubtask());
    hits = getRuntimeContext().getMetricGroup().counter("lookupCacheHits");
    misses = getRuntimeContext().getMetricGroup().counter("lookupCacheMisses");
  }

  @Override
  public void asyncInvoke(IN input, ResultFuture<OUT> resultFuture) throws Exception {
    K key = keySelector.getKey(input);
    if (key == null) {
      resultFuture.completeExceptionally(new IOException(NAME + ": the key selector returned null for " + input));
      return;
    }
    List<V> cached = lookup.cached(key);
    if (cached != null) {
      hits.inc();
      complete(input, cached, resultFuture);
      return;
    }
    misses.inc();
    lookup.load(key).whenComplete((rows, error) -> {
      if (error != null) {
        resultFuture.completeExceptionally(error);
      } else {
        complete(input, rows, resultFuture);
      }
    });
  }

  private void complete(IN input, List<V> rows, ResultFuture<OUT> resultFuture) {
    OUT out;
    try {
      out = joiner.join(input, rows);
    } catch (Exception e) {
      resultFuture.completeExceptionally(new IOException(NAME + ": the joiner failed on " + input + ": " + e, e));
      return;
    }
    resultFuture.complete(out == null ? List.of() : List.of(out));
  }

  @Override
  public void timeout(IN input, ResultFuture<OUT> resultFuture) {
    K key;
    try {
      key = keySelector.getKey(input);
    } catch (Exception e) {
      key = null;
    }
    resultFuture.completeExceptionally(new TimeoutException(NAME + ": the lookup of key " + key + " with '" + sql
        + "' did not finish within the async operator's timeout (the database is slow or unreachable, or "
        + poolSize + " connections are too few for the load)"));
  }

  /** Queries run by this instance since it was opened (a cache miss shared by concurrent lookups counts once). */
  long queriesRun() {
    return lookup.queriesRun();
  }

  @Override
  public void close() throws Exception {
    lookup.close();
  }

  /** Builds a {@link JdbcAsyncLookupFunction}. */
  public static final class Builder<IN, K, V, OUT> {
    private JdbcConnectionOptions connectionOptions;
    private String sql;
    private KeySelector<IN, K> keySelector;
    private JdbcStatementBuilder<K> keySetter;
    private ResultExtractor<V> extractor;
    private Joiner<IN, V, OUT> joiner;
    private int poolSize = 4;
    private int maxQueuedLookups = 10_000;
    private long cacheMaxRows = 10_000;
    private Duration cacheTtl = Duration.ofMinutes(10);
    private Duration queryTimeout = Duration.ofSeconds(10);
    private int maxRetries = 3;

    private Builder() {}

    /** Where to connect. */
    public Builder<IN, K, V, OUT> setConnectionOptions(JdbcConnectionOptions connectionOptions) {
      this.connectionOptions = connectionOptions;
      return this;
    }

    /** The query, with {@code ?} placeholders that {@link #setKeySetter} fills from the key. */
    public Builder<IN, K, V, OUT> setQuery(String sql) {
      this.sql = sql;
      return this;
    }

    /** The key of an input record. */
    public Builder<IN, K, V, OUT> setKeySelector(KeySelector<IN, K> keySelector) {
      this.keySelector = keySelector;
      return this;
    }

    /** Sets the query's parameters from a key. */
    public Builder<IN, K, V, OUT> setKeySetter(JdbcStatementBuilder<K> keySetter) {
      this.keySetter = keySetter;
      return this;
    }

    /** Makes one value of a row found. */
    public Builder<IN, K, V, OUT> setResultExtractor(ResultExtractor<V> extractor) {
      this.extractor = extractor;
      return this;
    }

    /** Makes the output of an input and the rows found for its key; a null output drops the input. */
    public Builder<IN, K, V, OUT> setJoiner(Joiner<IN, V, OUT> joiner) {
      this.joiner = joiner;
      return this;
    }

    /** Connections, and threads running queries, per subtask (4 by default). */
    public Builder<IN, K, V, OUT> setMaxPoolSize(int poolSize) {
      this.poolSize = poolSize;
      return this;
    }

    /** Lookups that may wait for a thread (10 000 by default); more fail the job. */
    public Builder<IN, K, V, OUT> setMaxQueuedLookups(int maxQueuedLookups) {
      this.maxQueuedLookups = maxQueuedLookups;
      return this;
    }

    /** Keys whose rows are cached, and for how long (10 000 for 10 minutes by default; 0 keys: no cache). */
    public Builder<IN, K, V, OUT> setCache(long maxRows, Duration ttl) {
      this.cacheMaxRows = maxRows;
      this.cacheTtl = ttl;
      return this;
    }

    /** How long a query and the wait for a connection may take (10 s by default). */
    public Builder<IN, K, V, OUT> setQueryTimeout(Duration queryTimeout) {
      this.queryTimeout = queryTimeout;
      return this;
    }

    /** How often a query that failed for a transient reason is tried again (3 by default). */
    public Builder<IN, K, V, OUT> setMaxRetries(int maxRetries) {
      this.maxRetries = maxRetries;
      return this;
    }

    /** The function; fails naming what is missing or out of range. */
    public JdbcAsyncLookupFunction<IN, K, V, OUT> build() {
      String missing = connectionOptions == null ? "the connection options (setConnectionOptions)"
          : sql == null || sql.isBlank() ? "the query (setQuery)"
          : keySelector == null ? "the key selector (setKeySelector)"
          : keySetter == null ? "the key setter (setKeySetter)"
          : extractor == null ? "the result extractor (setResultExtractor)"
          : joiner == null ? "the joiner (setJoiner)" : null;
      if (missing != null) {
        throw new IllegalArgumentException(NAME + ": " + missing + " is missing");
      }
      if (poolSize < 1 || maxQueuedLookups < 1 || cacheMaxRows < 0 || maxRetries < 0) {
        throw new IllegalArgumentException(NAME + ": pool size and queued lookups must be positive, cache rows and"
            + " retries not negative; got " + poolSize + ", " + maxQueuedLookups + ", " + cacheMaxRows + ", "
            + maxRetries);
      }
      Objects.requireNonNull(cacheTtl, "cache ttl");
      if (cacheTtl.isNegative() || queryTimeout.isNegative() || queryTimeout.isZero()) {
        throw new IllegalArgumentException(NAME + ": the cache TTL must not be negative and the query timeout must"
            + " be positive; got " + cacheTtl + " and " + queryTimeout);
      }
      JdbcKeyLookup<K, V> lookup = JdbcKeyLookup.<K, V>builder().setConnectionOptions(connectionOptions)
          .setQuery(sql).setKeySetter(keySetter).setResultExtractor(extractor).setMaxPoolSize(poolSize)
          .setMaxQueuedLookups(maxQueuedLookups).setCache(cacheMaxRows, cacheTtl).setQueryTimeout(queryTimeout)
          .setMaxRetries(maxRetries).build();
      return new JdbcAsyncLookupFunction<>(this, lookup);
    }
  }
}
