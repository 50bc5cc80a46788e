package io.spate.connectors.jdbc;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.connector.sink.Sink;
import io.spate.api.connector.sink.SinkWriter;
import io.spate.api.connector.sink.WriterInitContext;
import io.spate.connectors.jdbc.dialect.JdbcDialect;
import io.spate.connectors.jdbc.dialect.JdbcDialects;
import java.io.Serializable;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An at-least-once sink that keeps a table equal to a stream of changes by key: each record
 * upserts its row (or, if the {@link DeleteFilter} says so, deletes the row of its key). Records
 * are buffered and reduced by key, so that the last change of a key wins and a flush writes each
 * key once, as one batch of upserts and one of deletes in one transaction; a flush runs when
 * {@code batchSize} records wait, when the oldest waited {@code batchIntervalMs}, and before every
 * checkpoint, which completes only once the rows are committed. Transient failures are retried as
 * {@link JdbcExecutionOptions} say. Replaying records after a recovery gives the same table, since
 * upserts and deletes by key are idempotent.
 *
 * <p>The upsert is the dialect's single statement (PostgreSQL's {@code INSERT ... ON CONFLICT (key)
 * DO UPDATE}); a dialect without one gets an {@code UPDATE} and, where it changed no row, an
 * {@code INSERT}.
 *
 * @param <T> the record type
 */
@PublicEvolving
public final class JdbcUpsertSink<T> implements Sink<T> {

  private static final long serialVersionUID = 1L;

  /** The values of a record's row, one per field name, in their order. */
  @FunctionalInterface
  public interface ValueExtractor<T> extends Serializable {
    /** The row's values; the writer keeps the array, so return a new one per record. */
    Object[] values(T record) throws Exception;
  }

  /** Whether a record deletes the row of its key rather than upserting it. */
  @FunctionalInterface
  public interface DeleteFilter<T> extends Serializable {
    /** True for a record that deletes its key's row. */
    boolean isDelete(T record);
  }

  /** Sets one statement parameter from a field's value, for types {@code setObject} does not map. */
  @FunctionalInterface
  public interface FieldSetter extends Serializable {
    /** Sets parameter {@code index} (from 1) of {@code statement} to {@code value}, which may be null. */
    void set(PreparedStatement statement, int index, Object value) throws SQLException;
  }

  /** The setter of a field without its own: {@code setObject}. */
  static final FieldSetter SET_OBJECT = PreparedStatement::setObject;

  private final Spec spec;
  private final DeleteFilter<T> deleteFilter;
  private final ValueExtractor<T> extractor;
  private final JdbcExecutionOptions executionOptions;
  private final JdbcConnectionOptions connectionOptions;
  private final Duration retryBackoff;

  private JdbcUpsertSink(Builder<T> b) {
    this.spec = new Spec(b.dialect, b.tableName, b.fieldNames, b.keyFieldNames, keyIndexes(b), setters(b));
    this.deleteFilter = b.deleteFilter;
    this.extractor = b.extractor;
    this.executionOptions = b.executionOptions;
    this.connectionOptions = b.connectionOptions;
    this.retryBackoff = b.retryBackoff;
  }

  /** A builder; table, field names, key field names, value extractor and connection options are required. */
  public static <T> Builder<T> builder() {
    return new Builder<>();
  }

  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) {
    return new JdbcUpsertWriter<>(spec, extractor, deleteFilter, executionOptions, connectionOptions, retryBackoff,
        context.getSubtaskId());
  }

  /** The statement that upserts a row, or the UPDATE of the fallback if the dialect has no upsert. */
  public String upsertStatement() {
    return spec.upsertStatement().orElse(spec.updateStatement());
  }

  /** The statement that deletes a key's row. */
  public String deleteStatement() {
    return spec.deleteStatement();
  }

  @Override
  public String toString() {
    return "JdbcUpsertSink[" + spec.tableName() + " by " + Arrays.toString(spec.keyFieldNames()) + " on "
        + connectionOptions.getDbURL() + "]";
  }

  private static int[] keyIndexes(Builder<?> b) {
    List<String> fields = Arrays.asList(b.fieldNames);
    int[] keys = new int[b.keyFieldNames.length];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = fields.indexOf(b.keyFieldNames[i]);
    }
    return keys;
  }

  private static FieldSetter[] setters(Builder<?> b) {
    FieldSetter[] setters = new FieldSetter[b.fieldNames.length];
    for (int i = 0; i < setters.length; i++) {
      setters[i] = b.setters != null && b.setters[i] != null ? b.setters[i] : SET_OBJECT;
    }
    return setters;
  }

  /**
   * What the writer writes where: the table, its fields and key fields, the statements the dialect
   * makes of them, and each field's parameter setter.
   */
  record Spec(JdbcDialect dialect, String tableName, String[] fieldNames, String[] keyFieldNames, int[] keyIndexes,
      FieldSetter[] setters) implements Serializable {

    java.util.Optional<String> upsertStatement() {
      return dialect.getUpsertStatement(tableName, fieldNames, keyFieldNames);
    }

    String insertStatement() {
      return dialect.getInsertIntoStatement(tableName, fieldNames);
    }

    /** The fallback's UPDATE: every field that is not a key, then the keys in the condition. */
    String updateStatement() {
      return dialect.getUpdateStatement(tableName, valueFieldNames(), keyFieldNames);
    }

    String deleteStatement() {
      return dialect.getDeleteStatement(tableName, keyFieldNames);
    }

    String[] valueFieldNames() {
      Set<String> keys = new HashSet<>(Arrays.asList(keyFieldNames));
      List<String> values = new ArrayList<>();
      for (String field : fieldNames) {
        if (!keys.contains(field)) {
          values.add(field);
        }
      }
      return values.toArray(new String[0]);
    }
  }

  /** Builds a {@link JdbcUpsertSink}. */
  public static final class Builder<T> {
    private String tableName;
    private String[] fieldNames;
    private String[] keyFieldNames;
    private ValueExtractor<T> extractor;
    private DeleteFilter<T> deleteFilter = record -> false;
    private FieldSetter[] setters;
    private JdbcDialect dialect;
    private JdbcExecutionOptions executionOptions = JdbcExecutionOptions.defaults();
    private JdbcConnectionOptions connectionOptions;
    private Duration retryBackoff = JdbcSink.RETRY_BACKOFF;

    private Builder() {}

    /** The table to write, such as {@code totals} or {@code shop.totals}. */
    public Builder<T> setTableName(String tableName) {
      this.tableName = tableName;
      return this;
    }

    /** The table's columns that records give values for, in the order of {@link #setValueExtractor}. */
    public Builder<T> setFieldNames(String... fieldNames) {
      this.fieldNames = fieldNames;
      return this;
    }

    /** The columns of the table's primary (or a unique) key, a subset of the field names. */
    public Builder<T> setKeyFieldNames(String... keyFieldNames) {
      this.keyFieldNames = keyFieldNames;
      return this;
    }

    /** How a record gives its row's values. */
    public Builder<T> setValueExtractor(ValueExtractor<T> extractor) {
      this.extractor = extractor;
      return this;
    }

    /** Which records delete their key's row (none by default). */
    public Builder<T> setDeleteFilter(DeleteFilter<T> deleteFilter) {
      this.deleteFilter = deleteFilter;
      return this;
    }

    /** A parameter setter per field, null entries for {@code setObject} (the default for all). */
    public Builder<T> setFieldSetters(FieldSetter... setters) {
      this.setters = setters;
      return this;
    }

    /** The dialect; by default the one of the URL. */
    public Builder<T> setDialect(JdbcDialect dialect) {
      this.dialect = dialect;
      return this;
    }

    /** Buffered records per flush, the flush interval and the retries (batches of 5000, 3 retries by default). */
    public Builder<T> setExecutionOptions(JdbcExecutionOptions executionOptions) {
      this.executionOptions = executionOptions;
      return this;
    }

    /** Where to connect. */
    public Builder<T> setConnectionOptions(JdbcConnectionOptions connectionOptions) {
      this.connectionOptions = connectionOptions;
      return this;
    }

    /** The wait before retry n is n times this (1 s by default); for tests. */
    Builder<T> setRetryBackoff(Duration retryBackoff) {
      this.retryBackoff = retryBackoff;
      return this;
    }

    /** The sink; fails naming what is missing or inconsistent. */
    public JdbcUpsertSink<T> build() {
      String missing = tableName == null || tableName.isBlank() ? "the table name (setTableName)"
          : fieldNames == null || fieldNames.length == 0 ? "the field names (setFieldNames)"
          : keyFieldNames == null || keyFieldNames.length == 0 ? "the key field names (setKeyFieldNames)"
          : extractor == null ? "the value extractor (setValueExtractor)"
          : connectionOptions == null ? "the connection options (setConnectionOptions)"
          : executionOptions == null ? "the execution options (setExecutionOptions)" : null;
      if (missing != null) {
        throw new IllegalArgumentException("JdbcUpsertSink: " + missing + " is missing");
      }
      List<String> fields = Arrays.asList(fieldNames);
      for (String key : keyFieldNames) {
        if (!fields.contains(key)) {
          throw new IllegalArgumentException("JdbcUpsertSink: the key field '" + key + "' is not one of the fields "
              + fields);
        }
      }
      if (setters != null && setters.length != fieldNames.length) {
        throw new IllegalArgumentException("JdbcUpsertSink: " + setters.length + " field setters for "
            + fieldNames.length + " fields " + fields);
      }
      if (dialect == null) {
        dialect = JdbcDialects.forUrl(connectionOptions.getDbURL());
      }
      return new JdbcUpsertSink<>(this);
    }
  }
}
