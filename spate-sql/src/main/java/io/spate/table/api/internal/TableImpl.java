package io.spate.table.api.internal;

import java.util.function.Supplier;
import io.spate.table.api.AggregatedTable;
import io.spate.table.api.ExplainDetail;
import io.spate.table.api.GroupWindow;
import io.spate.table.api.GroupWindowedTable;
import io.spate.table.api.GroupedTable;
import io.spate.table.api.OverWindow;
import io.spate.table.api.OverWindowedTable;
import io.spate.table.api.Table;
import io.spate.table.api.TableDescriptor;
import io.spate.table.api.TableException;
import io.spate.table.api.TablePipeline;
import io.spate.table.api.TableResult;
import io.spate.table.api.ValidationException;
import io.spate.table.api.WindowReference;
import io.spate.table.catalog.ObjectIdentifier;
import io.spate.table.catalog.ResolvedSchema;
import io.spate.table.expressions.Expression;
import io.spate.table.expressions.SqlLiterals;
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
    return executeInsert(tablePath, false);
  }

  @Override
  public TableResult executeInsert(TableDescriptor descriptor) {
    return executeInsert(descriptor, false);
  }

  @Override
  public TableResult executeInsert(String tablePath, boolean overwrite) {
    return insertInto(tablePath, overwrite).execute();
  }

  @Override
  public TableResult executeInsert(TableDescriptor descriptor, boolean overwrite) {
    return insertInto(descriptor, overwrite).execute();
  }

  @Override
  public TablePipeline insertInto(String tablePath) {
    return insertInto(tablePath, false);
  }

  @Override
  public TablePipeline insertInto(String tablePath, boolean overwrite) {
    InsertStatements inserts = env.insertStatements();
    ObjectIdentifier sink = inserts.sink(tablePath);
    return new TablePipelineImpl(env, sink, inserts.of(sink, query, overwrite));
  }

  @Override
  public TablePipeline insertInto(TableDescriptor descriptor) {
    return insertInto(descriptor, false);
  }

  @Override
  public TablePipeline insertInto(TableDescriptor descriptor, boolean overwrite) {
    return insertInto(InsertStatements.descriptorTable(env, descriptor, schema), overwrite);
  }

  /** {@code table} as a table of {@code env}, or an error if it belongs to another environment. */
  static TableImpl of(TableEnvironmentImpl env, Table table) {
    if (!(table instanceof TableImpl impl) || impl.env != env) {
      throw new ValidationException("The table belongs to another table environment; a table is used only in the"
          + " environment that made it");
    }
    return impl;
  }

  @Override
  public String explain(ExplainDetail... extraDetails) {
    return env.explainQuery(query, extraDetails);
  }

  /**
   * This table's query as a subquery of a FROM clause, its columns named as its schema names them: a select list
   * that names two columns alike ({@code a.url, b.url}) has them renamed apart there ({@code url0}) only.
   */
  private String from() {
    StringBuilder columns = new StringBuilder();
    for (String name : schema.getColumnNames()) {
      columns.append(columns.length() == 0 ? "" : ", ").append('`').append(name.replace("`", "``")).append('`');
    }
    return "(" + query.text() + ") AS `t` (" + columns + ")";
  }

  private Table derived(String sql) {
    return env.sqlQuery(sql);
  }

  private String list(Expression... fields) {
    if (fields.length == 0) {
      throw new ValidationException("A Table API operation needs at least one expression here");
    }
    List<String> texts = new ArrayList<>();
    for (Expression field : fields) {
      String text = field.asSerializableString();
      WindowReference.checkResolved(text);
      texts.add(text);
      env.registerInlineFunctions(text);
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
    return new GroupedTable() {
      @Override
      public Table select(Expression... selection) {
        return derived("SELECT " + list(selection) + " FROM " + from() + " GROUP BY " + keys);
      }

      @Override
      public AggregatedTable aggregate(Expression aggregateFunction) {
        return aggregated(keys, aggregateFunction);
      }

      @Override
      public io.spate.table.api.FlatAggregateTable flatAggregate(Expression tableAggregateFunction) {
        return flatAggregated(keys, tableAggregateFunction);
      }
    };
  }

  @Override
  public AggregatedTable aggregate(Expression aggregateFunction) {
    return aggregated(null, aggregateFunction);
  }

  private AggregatedTable aggregated(String keys, Expression aggregateFunction) {
    Named call = Named.of(list(aggregateFunction));
    checkFunctionKind("aggregate", call.expression(), io.spate.table.functions.AggregateFunction.class,
        "an aggregate function");
    Table result = flattened(keys == null ? "" : keys + ", ", call, " FROM " + from()
        + (keys == null ? "" : " GROUP BY " + keys));
    return fields -> withoutAggregates(result, () -> result.select(fields), list(fields));
  }

  /**
   * The select that closes an {@code aggregate} or {@code flatAggregate} of {@code result}, if it aggregates
   * nothing further: Flink refuses an aggregate function there, before it looks at anything else.
   */
  private Table withoutAggregates(Table result, Supplier<Table> select, String fields) {
    Table selected;
    try {
      selected = select.get();
    } catch (ValidationException e) {
      // An aggregate beside a plain column fails validation first; Flink names the aggregate instead.
      if (aggregatesWhenGrouped((TableImpl) result, fields)) {
        throw noAggregates(e);
      }
      throw e;
    }
    if (env.aggregationCount(((TableImpl) selected).query) > env.aggregationCount(((TableImpl) result).query)) {
      throw noAggregates(null);
    }
    return selected;
  }

  /** Whether {@code fields} over {@code result} grouped by all its columns call an aggregate function. */
  private boolean aggregatesWhenGrouped(TableImpl result, String fields) {
    List<String> columns = result.schema.getColumnNames().stream().map(SqlLiterals::identifier).toList();
    SqlText probe = new SqlText("SELECT " + fields + " FROM (" + result.query.text() + ") AS `t` GROUP BY "
        + String.join(", ", columns), 1, 1);
    try {
      return env.aggregationCount(probe) > env.aggregationCount(result.query) + 1
          || env.groupedAggregateCalls(probe) > 0;
    } catch (RuntimeException notEvenThen) {
      return false;
    }
  }

  private static ValidationException noAggregates(Throwable cause) {
    return new ValidationException(
        "Aggregate functions are not supported in the select right after the aggregate or flatAggregate operation.",
        cause);
  }

  @Override
  public io.spate.table.api.FlatAggregateTable flatAggregate(Expression tableAggregateFunction) {
    return flatAggregated(null, tableAggregateFunction);
  }

  /** As {@link #aggregated}, with a table aggregate function, whose rows the planner's GroupTableAggregate emits. */
  private io.spate.table.api.FlatAggregateTable flatAggregated(String keys, Expression tableAggregateFunction) {
    Named call = tableAggregateCall(tableAggregateFunction);
    Table result = flattened(keys == null ? "" : keys + ", ", call, " FROM " + from()
        + (keys == null ? "" : " GROUP BY " + keys));
    return fields -> withoutAggregates(result, () -> result.select(fields), list(fields));
  }

  /** The call of {@code flatAggregate}, checked to call a user's table aggregate function. */
  private Named tableAggregateCall(Expression tableAggregateFunction) {
    Named call = Named.of(list(tableAggregateFunction));
    checkFunctionKind("flatAggregate", call.expression(), io.spate.table.functions.TableAggregateFunction.class,
        "a table aggregate function");
    java.util.regex.Matcher name = CALLED.matcher(call.expression());
    if (name.matches() && env.userFunction(name.group(1).replace("``", "`")).isEmpty()) {
      throw new ValidationException("flatAggregate takes a call of a table aggregate function, but "
          + name.group(1).replace("``", "`") + " is a built-in function, not one");
    }
    return call;
  }

  @Override
  public Table map(Expression mapFunction) {
    Named call = Named.of(list(mapFunction));
    checkFunctionKind("map", call.expression(), io.spate.table.functions.ScalarFunction.class, "a scalar function");
    return flattened("", call, " FROM " + from());
  }

  /**
   * {@code SELECT prefix call ...rest}, with the call's row result flattened into its fields (named
   * by {@code call}'s names, else by the row's), or its one value named by {@code call}, else {@code f0}.
   */
  private Table flattened(String prefix, Named call, String rest) {
    TableImpl inner = (TableImpl) derived("SELECT " + prefix + call.expression() + " AS `$v`" + rest);
    List<io.spate.table.types.logical.LogicalType> types = inner.schema.getColumnTypes();
    List<String> columns = inner.schema.getColumnNames();
    List<String> selected = new ArrayList<>();
    for (int i = 0; i < columns.size() - 1; i++) {
      selected.add("`$m`." + SqlLiterals.identifier(columns.get(i)));
    }
    io.spate.table.types.logical.LogicalType result = types.get(types.size() - 1);
    List<String> fields = result instanceof io.spate.table.types.logical.RowType row ? row.getFieldNames() : null;
    List<String> names = call.names() != null ? call.names() : fields != null ? fields : List.of("f0");
    int width = fields != null ? fields.size() : 1;
    if (names.size() != width) {
      throw new ValidationException("as(...) names " + names.size() + " columns, but the function gives " + width
          + (fields != null ? ": " + fields : ""));
    }
    for (int i = 0; i < width; i++) {
      selected.add((fields != null ? "`$m`.`$v`." + SqlLiterals.identifier(fields.get(i)) : "`$m`.`$v`") + " AS "
          + SqlLiterals.identifier(names.get(i)));
    }
    return derived("SELECT " + String.join(", ", selected) + " FROM (" + inner.query.text() + ") AS `$m`");
  }

  @Override
  public Table flatMap(Expression tableFunction) {
    Named call = Named.of(list(tableFunction));
    checkFunctionKind("flatMap", call.expression(), io.spate.table.functions.TableFunction.class, "a table function");
    return derived("SELECT `$f`.* FROM " + from() + ", LATERAL TABLE(" + call.expression() + ") AS `$f`"
        + call.columnList());
  }

  @Override
  public Table joinLateral(Expression tableFunctionCall) {
    return lateral("joinLateral", "INNER", tableFunctionCall, null);
  }

  @Override
  public Table joinLateral(Expression tableFunctionCall, Expression joinPredicate) {
    return lateral("joinLateral", "INNER", tableFunctionCall, joinPredicate);
  }

  @Override
  public Table leftOuterJoinLateral(Expression tableFunctionCall) {
    return lateral("leftOuterJoinLateral", "LEFT", tableFunctionCall, null);
  }

  @Override
  public Table leftOuterJoinLateral(Expression tableFunctionCall, Expression joinPredicate) {
    return lateral("leftOuterJoinLateral", "LEFT", tableFunctionCall, joinPredicate);
  }

  private Table lateral(String method, String type, Expression tableFunctionCall, Expression joinPredicate) {
    Named call = Named.of(list(tableFunctionCall));
    checkFunctionKind(method, call.expression(), io.spate.table.functions.TableFunction.class, "a table function");
    String lateral = "LATERAL TABLE(" + call.expression() + ") AS `$f`" + call.columnList();
    if (joinPredicate != null && !list(joinPredicate).equals("TRUE")) {
      if (type.equals("INNER")) {
        // The planner folds a condition on the function's columns into the lateral join, which runs only without one.
        throw new TableException("Spate SQL does not support a join predicate of joinLateral yet (a condition on a"
            + " LATERAL TABLE join); call joinLateral without one");
      }
      throw new ValidationException(method + " takes no join predicate but TRUE, as in Flink: use joinLateral");
    }
    if (type.equals("INNER")) {
      return derived("SELECT * FROM " + from() + ", " + lateral);
    }
    return derived("SELECT * FROM " + from() + " LEFT JOIN " + lateral + " ON TRUE");
  }

  /** Fails unless {@code call} calls a user-defined function of {@code kind}, or a built-in one (which Calcite checks). */
  private void checkFunctionKind(String method, String call, Class<?> kind, String kindName) {
    java.util.regex.Matcher name = CALLED.matcher(call);
    if (!name.matches()) {
      throw new ValidationException(method + " takes a call of " + kindName + ", such as call(MyFunction.class,"
          + " $(\"a\")), not " + call);
    }
    env.userFunction(name.group(1).replace("``", "`")).ifPresent(function -> {
      if (!kind.isInstance(function)) {
        throw new ValidationException(method + " takes a call of " + kindName + ", but " + function.getClass()
            .getName() + " is not one");
      }
    });
  }

  /** A call of a function by name: its back-quoted name and the rest. */
  private static final java.util.regex.Pattern CALLED =
      java.util.regex.Pattern.compile("(?s)`((?:[^`]|``)+)`\\(.*\\)");

  /** An expression and the names {@code as(...)} gave it (null for none). */
  private record Named(String expression, List<String> names) {

    private static final java.util.regex.Pattern SEVERAL =
        java.util.regex.Pattern.compile("(?s)(.*) AS \\((`(?:[^`]|``)+`(?:, `(?:[^`]|``)+`)*)\\)");

    static Named of(String text) {
      java.util.regex.Matcher several = SEVERAL.matcher(text);
      if (several.matches()) {
        List<String> names = new ArrayList<>();
        for (String quoted : several.group(2).split("`, `")) {
          names.add(quoted.replaceAll("^`|`$", "").replace("``", "`"));
        }
        return new Named(several.group(1), names);
      }
      java.util.regex.Matcher one = NAMED.matcher(text);
      if (one.matches()) {
        return new Named(one.group(1), List.of(one.group(2).replace("``", "`")));
      }
      return new Named(text, null);
    }

    /** {@code (a, b)} of the names, for {@code AS alias (a, b)}; empty without names. */
    String columnList() {
      return names == null ? "" : " (" + String.join(", ", names.stream().map(SqlLiterals::identifier).toList()) + ")";
    }
  }

  @Override
  public GroupWindowedTable window(GroupWindow window) {
    return keys -> new io.spate.table.api.WindowGroupedTable() {
      @Override
      public Table select(Expression... selection) {
        return windowed(window, keys, selection);
      }

      @Override
      public io.spate.table.api.FlatAggregateTable flatAggregate(Expression tableAggregateFunction) {
        return windowFlatAggregated(window, keys, tableAggregateFunction);
      }
    };
  }

  /**
   * A table aggregate per window and group: the rows it emits once each window closes, with the
   * window's start and end (for the window's properties in {@code select}) and the keys.
   */
  private io.spate.table.api.FlatAggregateTable windowFlatAggregated(GroupWindow window, Expression[] keys,
      Expression tableAggregateFunction) {
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
    Named call = tableAggregateCall(tableAggregateFunction);
    String view = env.unnamedTableName();
    env.createTemporaryView(view, this);
    TableImpl result = (TableImpl) flattened(String.join(", ", groups) + ", ", call, " FROM TABLE("
        + window.tableFunction(SqlLiterals.identifier(view)) + ") GROUP BY " + String.join(", ", groups));
    return fields -> {
      List<String> selected = new ArrayList<>();
      for (Expression field : fields) {
        String text = WindowReference.resolve(field.asSerializableString(), window.getAlias());
        WindowReference.checkResolved(text);
        env.registerInlineFunctions(text);
        selected.add(text);
      }
      return withoutAggregates(result,
          () -> derived("SELECT " + String.join(", ", selected) + " FROM (" + result.query.text() + ") AS `t`"),
          String.join(", ", selected));
    };
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
  public Table union(Table right) {
    return setOperation("union", "UNION", right);
  }

  @Override
  public Table intersect(Table right) {
    return setOperation("intersect", "INTERSECT", right);
  }

  @Override
  public Table intersectAll(Table right) {
    return setOperation("intersectAll", "INTERSECT ALL", right);
  }

  @Override
  public Table minus(Table right) {
    return setOperation("minus", "EXCEPT", right);
  }

  @Override
  public Table minusAll(Table right) {
    return setOperation("minusAll", "EXCEPT ALL", right);
  }

  private Table setOperation(String method, String operator, Table right) {
    TableImpl other = of(env, right);
    List<String> mine = schema.getColumnNames();
    List<String> theirs = other.schema.getColumnNames();
    if (mine.size() != theirs.size()) {
      throw new ValidationException(method + ": the tables must have the same number of columns, but this one has "
          + mine.size() + " " + mine + " and the other " + theirs.size() + " " + theirs);
    }
    return derived("SELECT * FROM " + from() + " " + operator + " SELECT * FROM (" + other.query.text() + ") AS `r`");
  }

  @Override
  public Table addOrReplaceColumns(Expression... fields) {
    Map<String, String> added = new LinkedHashMap<>();
    for (Expression field : fields) {
      String text = list(field);
      java.util.regex.Matcher named = NAMED.matcher(text);
      String name;
      if (named.matches()) {
        name = named.group(2).replace("``", "`");
      } else if (text.matches("`([^`]|``)+`")) {
        name = text.substring(1, text.length() - 1).replace("``", "`");
        text = text + " AS " + text;
      } else {
        throw new ValidationException("addOrReplaceColumns needs a name for " + field.asSummaryString()
            + ": give it one with .as(\"name\")");
      }
      added.put(name, text);
    }
    List<String> columns = new ArrayList<>();
    for (String column : schema.getColumnNames()) {
      String replacement = added.remove(column);
      columns.add(replacement != null ? replacement : SqlLiterals.identifier(column));
    }
    columns.addAll(added.values());
    return derived("SELECT " + String.join(", ", columns) + " FROM " + from());
  }

  /** An expression named with {@code as}: its SQL and its back-quoted name. */
  private static final java.util.regex.Pattern NAMED =
      java.util.regex.Pattern.compile("(?s)(.*) AS `((?:[^`]|``)+)`");

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
