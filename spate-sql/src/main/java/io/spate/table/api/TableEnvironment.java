package io.spate.table.api;

import io.spate.api.annotation.PublicEvolving;
import io.spate.table.api.internal.TableEnvironmentImpl;
import io.spate.table.expressions.Expression;
import io.spate.table.functions.UserDefinedFunction;
import io.spate.table.types.DataType;

/**
 * The entry point of Spate SQL and the Table API: it holds a session's catalogs and configuration,
 * runs SQL statements ({@link #executeSql}) and turns queries into {@link Table}s ({@link #sqlQuery}).
 */
@PublicEvolving
public interface TableEnvironment {

  /** A table environment with {@code settings}, whose jobs run where {@code StreamExecutionEnvironment} runs them. */
  static TableEnvironment create(EnvironmentSettings settings) {
    return TableEnvironmentImpl.create(settings);
  }

  /**
   * Runs one statement: DDL ({@code CREATE}, {@code DROP}, {@code ALTER}), {@code USE}, {@code SHOW},
   * {@code DESCRIBE}, {@code SET}, {@code RESET}, {@code EXPLAIN}, a query (whose job starts now; its
   * rows come from {@link TableResult#collect()}), an {@code INSERT} or a statement set (whose job starts
   * now).
   */
  TableResult executeSql(String statement);

  /** The query {@code query} as a {@link Table}, validated but not run. */
  Table sqlQuery(String query);

  /** The table or view {@code path} ({@code [catalog.][database.]name}) as a {@link Table}. */
  Table from(String path);

  /** A table of {@code descriptor}, registered under a generated name for this session. */
  Table from(TableDescriptor descriptor);

  /** Registers {@code descriptor} as the temporary table {@code path}, as {@code CREATE TEMPORARY TABLE} does. */
  void createTemporaryTable(String path, TableDescriptor descriptor);

  /** Registers {@code descriptor} as the table {@code path} in the catalog, as {@code CREATE TABLE} does. */
  void createTable(String path, TableDescriptor descriptor);

  /** Registers {@code table} as the temporary view {@code path}. */
  void createTemporaryView(String path, Table table);

  /**
   * The plan of {@code statement}, a query or an INSERT, as {@code EXPLAIN} shows it, with
   * {@code extraDetails} such as {@link ExplainDetail#CHANGELOG_MODE}.
   */
  String explainSql(String statement, ExplainDetail... extraDetails);

  /** The session's configuration. */
  TableConfig getConfig();

  /** The names of the catalogs. */
  String[] listCatalogs();

  /** The names of the current catalog's databases. */
  String[] listDatabases();

  /** The names of the current database's tables and views (temporary ones included). */
  String[] listTables();

  /** The names of the current database's views. */
  String[] listViews();

  /** The current catalog. */
  String getCurrentCatalog();

  /** The current database. */
  String getCurrentDatabase();

  /** Makes {@code catalog} current. */
  void useCatalog(String catalog);

  /** Makes {@code database} current. */
  void useDatabase(String database);

  /** Registers {@code function} as the temporary system function {@code name}, found before the built-in functions. */
  void createTemporarySystemFunction(String name, Class<? extends UserDefinedFunction> functionClass);

  /** Registers the instance {@code function} as the temporary system function {@code name}. */
  void createTemporarySystemFunction(String name, UserDefinedFunction functionInstance);

  /** Registers {@code function} as the temporary function {@code path} ({@code [catalog.][database.]name}). */
  void createTemporaryFunction(String path, Class<? extends UserDefinedFunction> functionClass);

  /** Registers the instance {@code function} as the temporary function {@code path}. */
  void createTemporaryFunction(String path, UserDefinedFunction functionInstance);

  /** Registers {@code function} as the catalog function {@code path}; an existing one is an error. */
  void createFunction(String path, Class<? extends UserDefinedFunction> functionClass);

  /** Registers {@code function} as the catalog function {@code path}, unless one exists and {@code ignoreIfExists}. */
  void createFunction(String path, Class<? extends UserDefinedFunction> functionClass, boolean ignoreIfExists);

  /** Removes the temporary system function {@code name}; whether there was one. */
  boolean dropTemporarySystemFunction(String name);

  /** Removes the temporary function {@code path}; whether there was one. */
  boolean dropTemporaryFunction(String path);

  /** Removes the catalog function {@code path}; whether there was one. */
  boolean dropFunction(String path);

  /** The names of the user-defined functions visible by a simple name, sorted. */
  String[] listUserDefinedFunctions();

  /** The names of all functions: the built-in and the user-defined ones, sorted. */
  String[] listFunctions();
  /** A new, empty statement set: inserts added to it run as one job. */
  StatementSet createStatementSet();

  /**
   * A table of the rows {@code values}: each a {@code Row}, a {@code row(...)} expression or one value
   * (a row of one column); columns are named {@code f0, f1, ...} and typed by their values' common type.
   */
  default Table fromValues(Object... values) {
    return fromValues((DataType) null, java.util.Arrays.asList(values));
  }

  /** A table of the rows {@code values}, with the columns and types of {@code rowType} (each value cast to it). */
  default Table fromValues(DataType rowType, Object... values) {
    return fromValues(rowType, java.util.Arrays.asList(values));
  }

  /** A table of the rows {@code values}, each a {@code row(...)} or one expression, as {@link #fromValues(Object...)}. */
  default Table fromValues(Expression... values) {
    return fromValues((DataType) null, java.util.Arrays.asList(values));
  }

  /** A table of the rows {@code values} with the columns and types of {@code rowType}. */
  default Table fromValues(DataType rowType, Expression... values) {
    return fromValues(rowType, java.util.Arrays.asList(values));
  }

  /** A table of the rows {@code values}, as {@link #fromValues(Object...)}. */
  default Table fromValues(Iterable<?> values) {
    return fromValues((DataType) null, values);
  }

  /** A table of the rows {@code values} with the columns and types of {@code rowType}. */
  default Table fromValues(DataType rowType, Iterable<?> values) {
    java.util.List<Object> rows = new java.util.ArrayList<>();
    values.forEach(rows::add);
    String query = ValuesQuery.of(rowType, rows);
    try {
      return sqlQuery(query);
    } catch (ValidationException e) {
      throw new ValidationException("fromValues: " + e.getMessage(), e);
    }
  }

  /** Removes the temporary table {@code path}; whether there was one (a permanent table of that name is seen again). */
  boolean dropTemporaryTable(String path);

  /** Removes the temporary view {@code path}; whether there was one. */
  boolean dropTemporaryView(String path);

  /** Removes the permanent table {@code path}; whether there was one. A temporary table of that name must be dropped first. */
  boolean dropTable(String path);

  /** Removes the permanent table {@code path}; if there is none, an error unless {@code ignoreIfNotExists} (then false). */
  boolean dropTable(String path, boolean ignoreIfNotExists);

  /** Removes the permanent view {@code path}; whether there was one. */
  boolean dropView(String path);

  /** Removes the permanent view {@code path}; if there is none, an error unless {@code ignoreIfNotExists} (then false). */
  boolean dropView(String path, boolean ignoreIfNotExists);

  /** The names of the temporary tables and views of the current database, sorted. */
  String[] listTemporaryTables();

  /** The names of the temporary views of the current database, sorted. */
  String[] listTemporaryViews();

  /** Registers {@code view} as the permanent view {@code path}; an existing one is an error. */
  void createView(String path, Table view);

  /** Registers {@code view} as the permanent view {@code path} unless one exists and {@code ignoreIfExists}; whether it did. */
  boolean createView(String path, Table view, boolean ignoreIfExists);

  /** Registers {@code descriptor} as the table {@code path} unless one exists and {@code ignoreIfExists}; whether it did. */
  boolean createTable(String path, TableDescriptor descriptor, boolean ignoreIfExists);
}
