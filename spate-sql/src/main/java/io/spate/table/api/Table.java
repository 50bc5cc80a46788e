package io.spate.table.api;

import io.spate.api.annotation.PublicEvolving;
import io.spate.table.expressions.Expression;
import io.spate.table.catalog.ResolvedSchema;

/**
 * A query's result as a value: {@code sqlQuery("SELECT ...")} gives one, and it can be run, inserted
 * into a table or registered as a view.
 */
@PublicEvolving
public interface Table {

  /** The columns of the query's rows. */
  ResolvedSchema getResolvedSchema();

  /** Prints the schema to standard output. */
  void printSchema();

  /** Runs the query and gives its rows. */
  TableResult execute();

  /** Inserts the query's rows into table {@code tablePath}. */
  TableResult executeInsert(String tablePath);

  /** Writes the rows into a table of {@code descriptor}, registered under a generated name, and starts the job. */
  TableResult executeInsert(TableDescriptor descriptor);

  /** Inserts the query's rows into table {@code tablePath}, overwriting its data if {@code overwrite}. */
  TableResult executeInsert(String tablePath, boolean overwrite);

  /** Writes the rows into a table of {@code descriptor}, overwriting its data if {@code overwrite}. */
  TableResult executeInsert(TableDescriptor descriptor, boolean overwrite);

  /**
   * The insert of the query's rows into the existing table {@code tablePath}, checked now and run by
   * {@link TablePipeline#execute()} or in a {@link StatementSet}.
   */
  TablePipeline insertInto(String tablePath);

  /** The insert of the query's rows into table {@code tablePath}, overwriting its data if {@code overwrite}. */
  TablePipeline insertInto(String tablePath, boolean overwrite);

  /** The insert of the query's rows into a table of {@code descriptor}, registered under a generated name. */
  TablePipeline insertInto(TableDescriptor descriptor);

  /** The insert into a table of {@code descriptor}, overwriting its data if {@code overwrite}. */
  TablePipeline insertInto(TableDescriptor descriptor, boolean overwrite);

  /** The query's plan, as {@code EXPLAIN} shows it, with {@code extraDetails}. */
  String explain(ExplainDetail... extraDetails);

  /** The rows projected to {@code fields}, such as {@code $("a"), $("b").plus(1).as("c")}. */
  Table select(Expression... fields);

  /** The rows for which {@code predicate} is true. */
  Table where(Expression predicate);

  /** The rows for which {@code predicate} is true, as {@link #where}. */
  Table filter(Expression predicate);

  /** The rows grouped by {@code fields}, to aggregate with {@code select}. */
  GroupedTable groupBy(Expression... fields);

  /** The rows in {@code window}, to group by it and aggregate. */
  GroupWindowedTable window(GroupWindow window);

  /** The table with its columns renamed, in order, to {@code field} and {@code fields}. */
  Table as(String field, String... fields);

  /** The table with the columns {@code fields} added after its own. */
  Table addColumns(Expression... fields);

  /** The table with columns renamed by {@code fields}, such as {@code $("a").as("b")}. */
  Table renameColumns(Expression... fields);

  /** The table without the columns {@code fields}. */
  Table dropColumns(Expression... fields);

  /** The distinct rows. */
  Table distinct();

  /** The cross join with {@code right}, usually followed by {@code where}; column names must differ. */
  Table join(Table right);

  /** The inner join with {@code right} on {@code joinPredicate}. */
  Table join(Table right, Expression joinPredicate);

  /** The left outer join with {@code right} on {@code joinPredicate}. */
  Table leftOuterJoin(Table right, Expression joinPredicate);

  /** The right outer join with {@code right} on {@code joinPredicate}. */
  Table rightOuterJoin(Table right, Expression joinPredicate);

  /** The full outer join with {@code right} on {@code joinPredicate}. */
  Table fullOuterJoin(Table right, Expression joinPredicate);

  /** The rows of this table and of {@code right}, duplicates kept. */
  Table unionAll(Table right);

  /** The distinct rows of this table and of {@code right} ({@code UNION}); in streaming mode a changelog. */
  Table union(Table right);

  /** The distinct rows in both this table and {@code right} ({@code INTERSECT}). */
  Table intersect(Table right);

  /** The rows in both tables, each as often as the table that has it less often ({@code INTERSECT ALL}). */
  Table intersectAll(Table right);

  /** The distinct rows of this table that {@code right} does not have ({@code EXCEPT}); a changelog in streaming mode. */
  Table minus(Table right);

  /** The rows of this table, each as often as it is here more than in {@code right} ({@code EXCEPT ALL}). */
  Table minusAll(Table right);

  /**
   * The rows mapped by the scalar function call {@code mapFunction} ({@code call(MyFunction.class,
   * $("a"), ...)}): one row per row, with the function's fields as columns if it returns a row, else
   * one column {@code f0}.
   */
  Table map(Expression mapFunction);

  /**
   * The rows the table function call {@code tableFunction} gives for each row, with the function's
   * columns only ({@code call(...).as("a", "b")} names them).
   */
  Table flatMap(Expression tableFunction);

  /** Each row joined with the rows the table function call {@code tableFunctionCall} gives for it ({@code LATERAL TABLE}). */
  Table joinLateral(Expression tableFunctionCall);

  /** Each row joined with the rows {@code tableFunctionCall} gives for it for which {@code joinPredicate} holds. */
  Table joinLateral(Expression tableFunctionCall, Expression joinPredicate);

  /** As {@link #joinLateral(Expression)}, keeping a row for which the call gives nothing, with NULLs. */
  Table leftOuterJoinLateral(Expression tableFunctionCall);

  /** As {@link #joinLateral(Expression, Expression)}, keeping a row that nothing matches, with NULLs. */
  Table leftOuterJoinLateral(Expression tableFunctionCall, Expression joinPredicate);

  /** The aggregate of all rows by the aggregate function call {@code aggregateFunction}, to close with {@code select}. */
  AggregatedTable aggregate(Expression aggregateFunction);

  /**
   * The table with {@code fields} added after its columns, or in place of a column of the same name
   * ({@code $("a").plus(1).as("a")} replaces {@code a}).
   */
  Table addOrReplaceColumns(Expression... fields);

  /**
   * The rows sorted by {@code fields}, each ascending unless it says {@code $("x").desc()}; in
   * streaming mode only with a limit ({@link #fetch}) or on a time attribute first.
   */
  Table orderBy(Expression... fields);

  /** The rows after the first {@code offset} of the sorted table. */
  Table offset(int offset);

  /** The first {@code fetch} rows of the (sorted) table. */
  Table fetch(int fetch);

  /** The first {@code fetch} rows, as {@link #fetch}. */
  Table limit(int fetch);

  /** The {@code fetch} rows after the first {@code offset}, as {@code offset(offset).fetch(fetch)}. */
  Table limit(int offset, int fetch);

  /** The rows with the over windows {@code overWindows}, to aggregate over them with {@code select}. */
  OverWindowedTable window(OverWindow... overWindows);

  /**
   * The rows the table aggregate function call {@code tableAggregateFunction} emits for all rows of
   * the table as one group, to close with {@link FlatAggregateTable#select}.
   */
  FlatAggregateTable flatAggregate(Expression tableAggregateFunction);
}
