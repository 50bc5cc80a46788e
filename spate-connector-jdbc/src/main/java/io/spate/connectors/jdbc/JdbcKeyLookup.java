package io.spate.connectors.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.spate.api.annotation.PublicEvolving;
import java.io.IOException;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Finds the rows of a key with a query, asynchronously: queries run on threads of its own with
 * connections from a HikariCP pool, results (empty ones too, unless told otherwise) are kept in a
 * bounded cache that expires entries after a write TTL and, optionally, an access TTL, and
 * concurrent lookups of one key share one query. A query that fails for a transient reason (a
 * broken connection, a restarted database) is retried on a fresh connection. It is what
 * {@link JdbcAsyncLookupFunction} and SQL lookup joins on {@code jdbc} tables run on; build it
 * with {@link #builder()}, ship it with the job, then {@link #open} it in a task.
 *
 * @param <K> the key type
 * @param <V> the type of one row found
 */
@PublicEvolving
public final class JdbcKeyLookup<K, V> implements Serializable, AutoCloseable {

  private static final long serialVersionUID = 1L;
  static final String NAME = "JdbcAsyncLookupFunction";

  private final JdbcConnectionOptions connectionOptions;
  private final String sql;
  private final JdbcStatementBuilder<K> keySetter;
  private final ResultExtractor<V> extractor;
  private final int poolSize;
  private final int maxQueuedLookups;
  private final long cacheMaxRows;
  private final Duration cacheTtl;
  private final Duration cacheAccessTtl;
  private final boolean cacheMissingKey;
  private final Duration queryTimeout;
  private final int maxRetries;
  private final Duration retryBackoff;

  private transient HikariDataSource pool;
  private transient ThreadPoolExecutor executor;
  private transient LookupCache<K, List<V>> cache;
  private transient ConcurrentHashMap<K, CompletableFuture<List<V>>> inFlight;
  private transient AtomicLong queries;

  private JdbcKeyLookup(Builder<K, V> b) {
    this.connectionOptions = b.connectionOptions;
    this.sql = b.sql;
    this.keySetter = b.keySetter;
    this.extractor = b.extractor;
    this.poolSize = b.poolSize;
    this.maxQueuedLookups = b.maxQueuedLookups;
    this.cacheMaxRows = b.cacheMaxRows;
    this.cacheTtl = b.cacheTtl;
    this.cacheAccessTtl = b.cacheAccessTtl;
    this.cacheMissingKey = b.cacheMissingKey;
    this.queryTimeout = b.queryTimeout;
    this.maxRetries = b.maxRetries;
    this.retryBackoff = b.retryBackoff;
  }

  /** A builder; the connection, query, key setter and result extractor are required. */
  public static <K, V> Builder<K, V> builder() {
    return new Builder<>();
  }

  /** The query, for messages. */
  public String query() {
    return sql;
  }

  /** Connects the pool and starts the threads of subtask {@code subtask}; fails naming the URL and the reason. */
  public void open(int subtask) throws IOException {
    open("subtask " + subtask);
  }

  /**
   * Connects the pool and starts the threads, whose names end with {@code owner} (such as
   * {@code subtask 2}); fails naming the URL and the reason.
   */
  public void open(String owner) throws IOException {
    HikariConfig config = new HikariConfig();
    config.setPoolName("spate-jdbc-lookup (" + owner + ")");
    config.setJdbcUrl(connectionOptions.getDbURL());
    if (connectionOptions.getDriverName() != null) {
      config.setDriverClassName(connectionOptions.getDriverName());
    }
    connectionOptions.getUsername().ifPresent(config::setUsername);
    connectionOptions.getPassword().ifPresent(config::setPassword);
    config.setMaximumPoolSize(poolSize);
    config.setMinimumIdle(Math.min(poolSize, 1));
    config.setConnectionTimeout(Math.max(250, queryTimeout.toMillis()));
    config.setValidationTimeout(Math.max(250, Math.min(queryTimeout.toMillis(),
        TimeUnit.SECONDS.toMillis(connectionOptions.getConnectionCheckTimeoutSeconds()))));
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      String reason = cause instanceof SQLException sql ? SqlErrors.describe(sql) : String.valueOf(cause.getMessage());
      throw new IOException(NAME + ": cannot connect to " + connectionOptions.getDbURL()
          + connectionOptions.getUsername().map(u -> " as user '" + u + "'").orElse("") + ": " + reason, e);
    }
    AtomicInteger threadCount = new AtomicInteger();
    executor = new ThreadPoolExecutor(poolSize, poolSize, 0, TimeUnit.MILLISECONDS,
        new ArrayBlockingQueue<>(maxQueuedLookups), r -> {
          Thread thread = new Thread(r, "spate-jdbc-lookup-" + threadCount.getAndIncrement() + " (" + owner + ")");
          thread.setDaemon(true);
          return thread;
        });
    long accessTtl = cacheAccessTtl == null ? LookupCache.NEVER : cacheAccessTtl.toNanos();
    long writeTtl = cacheTtl == null ? LookupCache.NEVER : cacheTtl.toNanos();
    cache = new LookupCache<>((int) Math.min(Integer.MAX_VALUE, cacheMaxRows), writeTtl, accessTtl, System::nanoTime);
    inFlight = new ConcurrentHashMap<>();
    queries = new AtomicLong();
  }

  /** The rows of {@code key} if the cache holds them, else null. */
  public List<V> cached(K key) {
    return cache.get(key);
  }

  /** The rows of {@code key}: from the cache, or from a query (shared with concurrent lookups of the key). */
  public CompletableFuture<List<V>> lookup(K key) {
    List<V> cached = cache.get(key);
    return cached != null ? CompletableFuture.completedFuture(cached) : load(key);
  }

  /** The rows of {@code key} from a query that the lookups of the key running now share; cached when found. */
  public CompletableFuture<List<V>> load(K key) {
    CompletableFuture<List<V>> mine = new CompletableFuture<>();
    CompletableFuture<List<V>> shared = inFlight.putIfAbsent(key, mine);
    if (shared != null) {
      return shared;
    }
    List<V> stored = cache.get(key); // a query that ended since the caller's look stored it
    if (stored != null) {
      inFlight.remove(key, mine);
      mine.complete(stored);
      return mine;
    }
    try {
      executor.execute(() -> runLookup(key, mine));
    } catch (RejectedExecutionException e) {
      inFlight.remove(key, mine);
      mine.completeExceptionally(new IOException(NAME + ": " + maxQueuedLookups + " lookups are queued"
          + " already; lower the async operator's capacity or raise maxQueuedLookups", e));
    }
    return mine;
  }

  private void runLookup(K key, CompletableFuture<List<V>> result) {
    try {
      List<V> rows = queryWithRetries(key);
      if (cacheMissingKey || !rows.isEmpty()) {
        cache.put(key, rows);
      }
      inFlight.remove(key, result);
      result.complete(rows);
    } catch (Throwable t) {
      inFlight.remove(key, result);
      result.completeExceptionally(t);
    }
  }

  private List<V> queryWithRetries(K key) throws IOException, InterruptedException {
    for (int attempt = 0; ; attempt++) {
      try {
        return query(key);
      } catch (SQLException e) {
        if (!SqlErrors.isTransient(e) || attempt >= maxRetries) {
          throw new IOException(NAME + ": looking up key " + key + " with '" + sql + "' failed"
              + (attempt > 0 ? " " + (attempt + 1) + " times" : "") + ": " + SqlErrors.describe(e), e);
        }
        TimeUnit.MILLISECONDS.sleep(retryBackoff.toMillis() * (attempt + 1));
      }
    }
  }

  private List<V> query(K key) throws SQLException, IOException {
    queries.incrementAndGet();
    try (Connection connection = pool.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setQueryTimeout((int) Math.max(1, queryTimeout.toSeconds()));
      keySetter.accept(statement, key);
      List<V> rows = new ArrayList<>(1);
      try (ResultSet resultSet = statement.executeQuery()) {
        while (resultSet.next()) {
          V row;
          try {
            row = extractor.extract(resultSet);
          } catch (RuntimeException e) {
            throw new IOException(NAME + ": the result extractor failed on a row of key " + key + ": " + e, e);
          }
          rows.add(row);
        }
      }
      return List.copyOf(rows);
    }
  }

  /** Connections, and threads running queries. */
  public int poolSize() {
    return poolSize;
  }

  /** Queries run since {@link #open} (a cache miss shared by concurrent lookups counts once). */
  public long queriesRun() {
    return queries.get();
  }

  /** Stops the threads and closes the pool. */
  @Override
  public void close() throws InterruptedException {
    if (executor != null) {
      executor.shutdownNow();
      executor.awaitTermination(5, TimeUnit.SECONDS);
    }
    if (pool != null) {
      pool.close();
    }
  }

  /** Builds a {@link JdbcKeyLookup}. */
  public static final class Builder<K, V> {
    private JdbcConnectionOptions connectionOptions;
    private String sql;
    private JdbcStatementBuilder<K> keySetter;
    private ResultExtractor<V> extractor;
    private int poolSize = 4;
    private int maxQueuedLookups = 10_000;
    private long cacheMaxRows = 10_000;
    private Duration cacheTtl = Duration.ofMinutes(10);
    private Duration cacheAccessTtl;
    private boolean cacheMissingKey = true;
    private Duration queryTimeout = Duration.ofSeconds(10);
    private int maxRetries = 3;
    private Duration retryBackoff = Duration.ofMillis(500);

    private Builder() {}

    /** Where to connect. */
    public Builder<K, V> setConnectionOptions(JdbcConnectionOptions connectionOptions) {
      this.connectionOptions = connectionOptions;
      return this;
    }

    /** The query, with {@code ?} placeholders that {@link #setKeySetter} fills from the key. */
    public Builder<K, V> setQuery(String sql) {
      this.sql = sql;
      return this;
    }

    /** Sets the query's parameters from a key. */
    public Builder<K, V> setKeySetter(JdbcStatementBuilder<K> keySetter) {
      this.keySetter = keySetter;
      return this;
    }

    /** Makes one value of a row found. */
    public Builder<K, V> setResultExtractor(ResultExtractor<V> extractor) {
      this.extractor = extractor;
      return this;
    }

    /** Connections, and threads running queries, per subtask (4 by default). */
    public Builder<K, V> setMaxPoolSize(int poolSize) {
      this.poolSize = poolSize;
      return this;
    }

    /** Lookups that may wait for a thread (10 000 by default); more fail. */
    public Builder<K, V> setMaxQueuedLookups(int maxQueuedLookups) {
      this.maxQueuedLookups = maxQueuedLookups;
      return this;
    }

    /**
     * Keys whose rows are cached, and for how long after they were stored (10 000 for 10 minutes by
     * default; 0 keys: no cache; a null TTL: no expiry after writing).
     */
    public Builder<K, V> setCache(long maxRows, Duration ttl) {
      this.cacheMaxRows = maxRows;
      this.cacheTtl = ttl;
      return this;
    }

    /** How long a cached key stays after it was last read; null (the default) for as long as its write TTL allows. */
    public Builder<K, V> setCacheExpireAfterAccess(Duration accessTtl) {
      this.cacheAccessTtl = accessTtl;
      return this;
    }

    /** Whether a key without rows is cached too (true by default). */
    public Builder<K, V> setCacheMissingKey(boolean cacheMissingKey) {
      this.cacheMissingKey = cacheMissingKey;
      return this;
    }

    /** How long a query and the wait for a connection may take (10 s by default). */
    public Builder<K, V> setQueryTimeout(Duration queryTimeout) {
      this.queryTimeout = queryTimeout;
      return this;
    }

    /** How often a query that failed for a transient reason is tried again (3 by default). */
    public Builder<K, V> setMaxRetries(int maxRetries) {
      this.maxRetries = maxRetries;
      return this;
    }

    /** The lookup; fails naming what is missing or out of range. */
    public JdbcKeyLookup<K, V> build() {
      String missing = connectionOptions == null ? "the connection options (setConnectionOptions)"
          : sql == null || sql.isBlank() ? "the query (setQuery)"
          : keySetter == null ? "the key setter (setKeySetter)"
          : extractor == null ? "the result extractor (setResultExtractor)" : null;
      if (missing != null) {
        throw new IllegalArgumentException(NAME + ": " + missing + " is missing");
      }
      if (poolSize < 1 || maxQueuedLookups < 1 || cacheMaxRows < 0 || maxRetries < 0) {
        throw new IllegalArgumentException(NAME + ": pool size and queued lookups must be positive, cache rows and"
            + " retries not negative; got " + poolSize + ", " + maxQueuedLookups + ", " + cacheMaxRows + ", "
            + maxRetries);
      }
      if ((cacheTtl != null && cacheTtl.isNegative()) || (cacheAccessTtl != null && cacheAccessTtl.isNegative())
          || queryTimeout == null || queryTimeout.isNegative() || queryTimeout.isZero()) {
        throw new IllegalArgumentException(NAME + ": the cache TTLs must not be negative and the query timeout must"
            + " be positive; got " + cacheTtl + ", " + cacheAccessTtl + " and " + queryTimeout);
      }
      return new JdbcKeyLookup<>(this);
    }
  }
}
