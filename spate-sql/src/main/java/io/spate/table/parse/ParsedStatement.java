package io.spate.table.parse;

import io.spate.api.annotation.Internal;
import io.spate.table.api.ExplainDetail;
import java.util.List;
import java.util.Map;

/**
 * One statement of a SQL script, as {@link SqlStatementParser} read it. Queries, expressions and
 * types stay text (with their place in the script) for Calcite's parser and the type parser.
 */
@Internal
public sealed interface ParsedStatement {

  /** The statement's whole text. */
  SqlText text();

  /** A name with optional catalog and database parts: {@code [catalog.][database.]name}. */
  record ObjectName(List<String> parts) {
    public ObjectName {
      parts = List.copyOf(parts);
    }

    /** The last part: the object's own name. */
    public String name() {
      return parts.get(parts.size() - 1);
    }

    @Override
    public String toString() {
      return String.join(".", parts);
    }
  }

  /** A column of {@code CREATE TABLE}. */
  sealed interface ColumnSpec {
    /** The column's name. */
    String name();

    /** Its comment, or null. */
    String comment();
  }

  /** {@code name type [NOT NULL] [COMMENT '...']}. */
  record PhysicalColumnSpec(String name, SqlText type, String comment) implements ColumnSpec {}

  /** {@code name AS expression [COMMENT '...']}. */
  record ComputedColumnSpec(String name, SqlText expression, String comment) implements ColumnSpec {}

  /** {@code name type METADATA [FROM 'key'] [VIRTUAL] [COMMENT '...']}; {@code key} null means the name. */
  record MetadataColumnSpec(String name, SqlText type, String key, boolean virtual, String comment)
      implements ColumnSpec {}

  /** {@code WATERMARK FOR column AS expression}. */
  record WatermarkSpec(String rowtimeColumn, SqlText expression) {}

  /** {@code [CONSTRAINT name] PRIMARY KEY (columns) NOT ENFORCED}. */
  record PrimaryKeySpec(String constraintName, List<String> columns) {}

  /** {@code CREATE [TEMPORARY] TABLE [IF NOT EXISTS] name (...) [COMMENT] [PARTITIONED BY] WITH (...)}. */
  record CreateTable(SqlText text, ObjectName name, boolean temporary, boolean ifNotExists, List<ColumnSpec> columns,
      WatermarkSpec watermark, PrimaryKeySpec primaryKey, String comment, List<String> partitionKeys,
      Map<String, String> options) implements ParsedStatement {}

  /** {@code CREATE [TEMPORARY] VIEW [IF NOT EXISTS] name [(columns)] AS query}. */
  record CreateView(SqlText text, ObjectName name, boolean temporary, boolean ifNotExists, List<String> columnNames,
      SqlText query) implements ParsedStatement {}

  /** {@code CREATE [TEMPORARY [SYSTEM]] FUNCTION [IF NOT EXISTS] name AS 'class' [LANGUAGE JAVA]}. */
  record CreateFunction(SqlText text, ObjectName name, boolean temporary, boolean system, boolean ifNotExists,
      String className) implements ParsedStatement {}

  /** {@code CREATE DATABASE [IF NOT EXISTS] name [COMMENT '...']}. */
  record CreateDatabase(SqlText text, ObjectName name, boolean ifNotExists, String comment) implements ParsedStatement {}

  /** What {@code DROP} removes. */
  enum ObjectKind { TABLE, VIEW, FUNCTION, DATABASE }

  /** {@code DROP [TEMPORARY [SYSTEM]] TABLE|VIEW|FUNCTION|DATABASE [IF EXISTS] name}. */
  record Drop(SqlText text, ObjectKind kind, ObjectName name, boolean temporary, boolean system, boolean ifExists)
      implements ParsedStatement {}

  /** {@code ALTER TABLE name SET (options)}, or with {@code RESET (keys)} when {@code resetKeys} is not empty. */
  record AlterTableOptions(SqlText text, ObjectName name, Map<String, String> set, List<String> resetKeys)
      implements ParsedStatement {}

  /** {@code ALTER TABLE|VIEW name RENAME TO newName}. */
  record AlterRename(SqlText text, ObjectKind kind, ObjectName name, ObjectName newName) implements ParsedStatement {}

  /** What {@code SHOW} lists. */
  enum ShowKind { TABLES, VIEWS, FUNCTIONS, USER_FUNCTIONS, DATABASES, CATALOGS, CURRENT_CATALOG, CURRENT_DATABASE,
    JOBS, CREATE_TABLE, CREATE_VIEW, COLUMNS }

  /** {@code SHOW ...}; {@code name} is set for {@code SHOW CREATE TABLE name} and {@code SHOW COLUMNS FROM name}. */
  record Show(SqlText text, ShowKind kind, ObjectName name) implements ParsedStatement {}

  /** {@code DESCRIBE|DESC name}. */
  record Describe(SqlText text, ObjectName name) implements ParsedStatement {}

  /** {@code SET} (list), or {@code SET 'key' = 'value'}. */
  record Set(SqlText text, String key, String value) implements ParsedStatement {}

  /** {@code RESET} (all), or {@code RESET 'key'}. */
  record Reset(SqlText text, String key) implements ParsedStatement {}

  /** {@code USE [CATALOG] name}. */
  record Use(SqlText text, ObjectName name, boolean catalog) implements ParsedStatement {}

  /** A query: {@code SELECT}, {@code WITH}, {@code VALUES} or a parenthesized one. */
  record Query(SqlText text) implements ParsedStatement {}

  /** {@code INSERT INTO|OVERWRITE ...}. */
  record Insert(SqlText text) implements ParsedStatement {}

  /** {@code EXPLAIN [PLAN FOR] statement}: a query, an insert or a statement set. */
  record Explain(SqlText text, ParsedStatement explained, java.util.Set<ExplainDetail> details) implements ParsedStatement {

    /** {@code EXPLAIN} without details. */
    public Explain(SqlText text, ParsedStatement explained) {
      this(text, explained, java.util.Set.of());
    }
  }

  /** {@code EXECUTE STATEMENT SET BEGIN insert; ... END} (or {@code BEGIN STATEMENT SET; ... END;}). */
  record StatementSet(SqlText text, List<Insert> inserts) implements ParsedStatement {}

  /** {@code EXECUTE INSERT ...} or {@code EXECUTE SELECT ...}: the statement itself. */
  record Execute(SqlText text, ParsedStatement executed) implements ParsedStatement {}

  /** {@code STOP JOB 'id' [WITH SAVEPOINT] [WITH DRAIN]}. */
  record StopJob(SqlText text, String jobId, boolean withSavepoint, boolean withDrain) implements ParsedStatement {}

  /** A feature the parser knows by name but Spate does not support yet; planning it fails naming it. */
  record Unsupported(SqlText text, String feature) implements ParsedStatement {}
}
