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
}
