package io.spate.table.api.internal;

import io.spate.table.api.ExplainDetail;
import io.spate.table.api.GroupWindow;
import io.spate.table.api.GroupWindowedTable;
import io.spate.table.api.GroupedTable;
import io.spate.table.api.OverWindow;
import io.spate.table.api.OverWindowedTable;
import io.spate.table.api.Table;
import io.spate.table.api.TableDescriptor;
import io.spate.table.api.TableResult;
import io.spate.table.api.ValidationException;
import io.spate.table.api.WindowReference;
import io.spate.table.catalog.ResolvedSchema;
import io.spate.table.expressions.Expression;
import io.spate.table.expressions.SqlLiterals;
import io.spate.table.parse.SqlStatementParser;
import io.spate.table.parse.SqlText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A table defined by a query of its environment. */
final class TableImpl implements Table {

  private final TableEnvironmentImpl env;
  private final SqlText query;
  private final ResolvedSchema schema;
  private final Sorting sorting;

  TableImpl(TableEnvironmentImpl env, SqlText query, ResolvedSchema schema) {
    this(env, query, schema, null);
  }

  private TableImpl(TableEnvironmentImpl env, SqlText query, ResolvedSchema schema, Sorting sorting) {
    this.env = env;
    this.query = query;
    this.schema = schema;
    this.sorting = sorting;
  }

  /**
   * The {@code ORDER BY}, {@code OFFSET} and {@code FETCH} of a table that {@code orderBy}, {@code
   * offset} or {@code fetch} made, kept apart from the query they apply to ({@code SELECT select FROM
   * from}) so that the next of them adds its clause to the same query, and a {@code select} of a sorted
   * table keeps the order (a subquery's {@code ORDER BY} without a limit would be dropped).
   */
  private record Sorting(String from, String select, String orderBy, Integer offset, Integer fetch) {

    String sql() {
      return "SELECT " + select + " FROM " + from + (orderBy == null ? "" : " ORDER BY " + orderBy)
          + (offset == null ? "" : " OFFSET " + offset + " ROWS")
          + (fetch == null ? "" : " FETCH NEXT " + fetch + " ROWS ONLY");
    }
  }

  /** The query that defines the table. */
  SqlText query() {
    return query;
  }

  @Override
  public ResolvedSchema getResolvedSchema() {
    return schema;
  }

  @Override
  public void printSchema() {
    System.out.println(schema);
  }

  @Override
  public TableResult execute() {
    return env.executeQuery(query);
  }

  @Override
  public TableResult executeInsert(String tablePath) {
    List<String> parts = SqlStatementParser.parseName(tablePath);
    String target = String.join(".", parts.stream().map(p -> "`" + p.replace("`", "``") + "`").toList());
    return env.executeSql("INSERT INTO " + target + "\n" + query.text());
  }

  @Override
  public TableResult executeInsert(TableDescriptor descriptor) {
    String name = env.unnamedTableName();
    env.createTemporaryTable("`" + name.replace("`", "``") + "`", descriptor);
    return executeInsert("`" + name.replace("`", "``") + "`");
  }

  @Override
  public String explain(ExplainDetail... extraDetails) {
    return env.explainQuery(query, extraDetails);
  }

  /** This table's query as a subquery of a FROM clause. */
  private String from() {
    return "(" + query.text() + ") AS `t`";
  }

  private Table derived(String sql) {
    return env.sqlQuery(sql);
  }

  private static String list(Expression... fields) {
    if (fields.length == 0) {
      throw new ValidationException("A Table API operation needs at least one expression here");
    }
    List<String> texts = new ArrayList<>();
    for (Expression field : fields) {
      String text = field.asSerializableString();
      WindowReference.checkResolved(text);
      texts.add(text);
    }
    return String.join(", ", texts);
  }

  @Override
  public Table select(Expression... fields) {
    if (sorting != null && sorting.select().equals("*") && sorting.offset() == null && sorting.fetch() == null) {
      return sorted(new Sorting(sorting.from(), list(fields), sorting.orderBy(), null, null));
    }
    return derived("SELECT " + list(fields) + " FROM " + from());
  }

  @Override
  public Table where(Expression predicate) {
    return derived("SELECT * FROM " + from() + " WHERE " + list(predicate));
  }

  @Override
  public Table filter(Expression predicate) {
    return where(predicate);
  }

  @Override
  public GroupedTable groupBy(Expression... fields) {
    String keys = list(fields);
    return selection -> derived("SELECT " + list(selection) + " FROM " + from() + " GROUP BY " + keys);
  }

  @Override
  public GroupWindowedTable window(GroupWindow window) {
    return keys -> selection -> windowed(window, keys, selection);
  }

  private Table windowed(GroupWindow window, Expression[] keys, Expression[] selection) {
    String alias = SqlLiterals.identifier(window.getAlias());
    List<String> groups = new ArrayList<>(List.of("window_start", "window_end"));
    boolean byWindow = false;
    for (Expression key : keys) {
      if (key.asSerializableString().equals(alias)) {
        byWindow = true;
      } else {
        groups.add(list(key));
      }
    }
    if (!byWindow) {
      throw new ValidationException("A windowed table must be grouped by its window: groupBy($(\"" + window.getAlias()
          + "\"), ...)");
    }
    List<String> selected = new ArrayList<>();
    for (Expression field : selection) {
      String text = WindowReference.resolve(field.asSerializableString(), window.getAlias());
      WindowReference.checkResolved(text);
      if (text.contains("window_time")) {
        groups.add("window_time");
      }
      selected.add(text);
    }
    String view = env.unnamedTableName();
    env.createTemporaryView(view, this);
    return derived("SELECT " + String.join(", ", selected) + " FROM TABLE("
        + window.tableFunction(SqlLiterals.identifier(view)) + ") GROUP BY " + String.join(", ", groups.stream()
        .distinct().toList()));
  }

  @Override
  public Table as(String field, String... fields) {
    List<String> names = new ArrayList<>(List.of(field));
    names.addAll(List.of(fields));
    List<String> columns = schema.getColumnNames();
    if (names.size() != columns.size()) {
      throw new ValidationException("as(" + String.join(", ", names) + ") names " + names.size() + " columns, but the"
          + " table has " + columns.size() + ": " + columns);
    }
    List<String> renamed = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      renamed.add(SqlLiterals.identifier(columns.get(i)) + " AS " + SqlLiterals.identifier(names.get(i)));
    }
    return derived("SELECT " + String.join(", ", renamed) + " FROM " + from());
  }

  @Override
  public Table addColumns(Expression... fields) {
    return derived("SELECT *, " + list(fields) + " FROM " + from());
  }

  @Override
  public Table renameColumns(Expression... fields) {
    Map<String, String> renames = new LinkedHashMap<>();
    for (Expression field : fields) {
      String[] parts = field.asSerializableString().split(" AS ", -1);
      if (parts.length != 2 || !parts[0].startsWith("`")) {
        throw new ValidationException("renameColumns takes $(\"old\").as(\"new\"), not " + field.asSummaryString());
      }
      renames.put(parts[0], parts[1]);
    }
    List<String> columns = new ArrayList<>();
    for (String column : schema.getColumnNames()) {
      String quoted = SqlLiterals.identifier(column);
      String target = renames.remove(quoted);
      columns.add(target == null ? quoted : quoted + " AS " + target);
    }
    if (!renames.isEmpty()) {
      throw new ValidationException("renameColumns: the table has no column " + renames.keySet() + "; its columns are "
          + schema.getColumnNames());
    }
    return derived("SELECT " + String.join(", ", columns) + " FROM " + from());
  }

  @Override
  public Table dropColumns(Expression... fields) {
    Set<String> dropped = new LinkedHashSet<>();
    for (Expression field : fields) {
      dropped.add(field.asSerializableString());
    }
    List<String> kept = new ArrayList<>();
    for (String column : schema.getColumnNames()) {
      if (!dropped.remove(SqlLiterals.identifier(column))) {
        kept.add(SqlLiterals.identifier(column));
      }
    }
    if (!dropped.isEmpty()) {
      throw new ValidationException("dropColumns: the table has no column " + dropped + "; its columns are "
          + schema.getColumnNames());
    }
    if (kept.isEmpty()) {
      throw new ValidationException("dropColumns would drop every column of the table");
    }
    return derived("SELECT " + String.join(", ", kept) + " FROM " + from());
  }

  @Override
  public Table distinct() {
    return derived("SELECT DISTINCT * FROM " + from());
  }

  @Override
  public Table join(Table right) {
    return derived("SELECT * FROM " + from() + " CROSS JOIN (" + ((TableImpl) right).query.text() + ") AS `r`");
  }

  @Override
  public Table join(Table right, Expression joinPredicate) {
    return join("INNER", right, joinPredicate);
  }

  @Override
  public Table leftOuterJoin(Table right, Expression joinPredicate) {
    return join("LEFT", right, joinPredicate);
  }

  @Override
  public Table rightOuterJoin(Table right, Expression joinPredicate) {
    return join("RIGHT", right, joinPredicate);
  }

  @Override
  public Table fullOuterJoin(Table right, Expression joinPredicate) {
    return join("FULL", right, joinPredicate);
  }

  private Table join(String type, Table right, Expression joinPredicate) {
    return derived("SELECT * FROM " + from() + " " + type + " JOIN (" + ((TableImpl) right).query.text() + ") AS `r`"
        + " ON " + list(joinPredicate));
  }

  @Override
  public Table unionAll(Table right) {
    return derived("SELECT * FROM " + from() + " UNION ALL SELECT * FROM (" + ((TableImpl) right).query.text()
        + ") AS `r`");
  }

  @Override
  public Table orderBy(Expression... fields) {
    return sorted(new Sorting(from(), "*", list(fields), null, null));
  }

  @Override
  public Table offset(int offset) {
    if (offset < 0) {
      throw new ValidationException("offset takes a number of rows of 0 or more, not " + offset);
    }
    if (sorting != null && (sorting.offset() != null || sorting.fetch() != null)) {
      throw new ValidationException("offset(" + offset + ") comes once, before fetch, on a table: this one has "
          + (sorting.fetch() != null ? "fetch(" + sorting.fetch() + ")" : "offset(" + sorting.offset() + ")")
          + " already");
    }
    Sorting base = sorting != null ? sorting : new Sorting(from(), "*", null, null, null);
    return sorted(new Sorting(base.from(), base.select(), base.orderBy(), offset, null));
  }

  @Override
  public Table fetch(int fetch) {
    if (fetch < 0) {
      throw new ValidationException("fetch takes a number of rows of 0 or more, not " + fetch);
    }
    if (sorting != null && sorting.fetch() != null) {
      throw new ValidationException("fetch(" + fetch + ") comes once on a table: this one has fetch("
          + sorting.fetch() + ") already");
    }
    Sorting base = sorting != null ? sorting : new Sorting(from(), "*", null, null, null);
    return sorted(new Sorting(base.from(), base.select(), base.orderBy(), base.offset(), fetch));
  }

  @Override
  public Table limit(int fetch) {
    return fetch(fetch);
  }

  @Override
  public Table limit(int offset, int fetch) {
    return offset(offset).fetch(fetch);
  }

  private Table sorted(Sorting sorted) {
    TableImpl table = (TableImpl) derived(sorted.sql());
    return new TableImpl(env, table.query, table.schema, sorted);
  }

  @Override
  public OverWindowedTable window(OverWindow... overWindows) {
    if (overWindows.length == 0) {
      throw new ValidationException("window(...) needs at least one over window");
    }
    List<String> windows = new ArrayList<>();
    for (OverWindow window : overWindows) {
      windows.add(SqlLiterals.identifier(window.getAlias()) + " AS (" + window.asSqlSpecification() + ")");
    }
    return fields -> derived("SELECT " + list(fields) + " FROM " + from() + " WINDOW " + String.join(", ", windows));
  }

  @Override
  public String toString() {
    return query.text();
  }
}
