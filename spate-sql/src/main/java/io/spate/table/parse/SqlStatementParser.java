package io.spate.table.parse;

import io.spate.api.annotation.Internal;
import io.spate.table.api.SqlParserException;
import io.spate.table.parse.ParsedStatement.AlterRename;
import io.spate.table.parse.ParsedStatement.AlterTableOptions;
import io.spate.table.parse.ParsedStatement.ColumnSpec;
import io.spate.table.parse.ParsedStatement.ComputedColumnSpec;
import io.spate.table.parse.ParsedStatement.CreateDatabase;
import io.spate.table.parse.ParsedStatement.CreateFunction;
import io.spate.table.parse.ParsedStatement.CreateTable;
import io.spate.table.parse.ParsedStatement.CreateView;
import io.spate.table.parse.ParsedStatement.Describe;
import io.spate.table.parse.ParsedStatement.Drop;
import io.spate.table.parse.ParsedStatement.Execute;
import io.spate.table.api.ExplainDetail;
import io.spate.table.parse.ParsedStatement.Explain;
import io.spate.table.parse.ParsedStatement.Insert;
import io.spate.table.parse.ParsedStatement.MetadataColumnSpec;
import io.spate.table.parse.ParsedStatement.ObjectKind;
import io.spate.table.parse.ParsedStatement.ObjectName;
import io.spate.table.parse.ParsedStatement.PhysicalColumnSpec;
import io.spate.table.parse.ParsedStatement.PrimaryKeySpec;
import io.spate.table.parse.ParsedStatement.Query;
import io.spate.table.parse.ParsedStatement.Reset;
import io.spate.table.parse.ParsedStatement.Show;
import io.spate.table.parse.ParsedStatement.ShowKind;
import io.spate.table.parse.ParsedStatement.StatementSet;
import io.spate.table.parse.ParsedStatement.StopJob;
import io.spate.table.parse.ParsedStatement.Unsupported;
import io.spate.table.parse.ParsedStatement.Use;
import io.spate.table.parse.ParsedStatement.WatermarkSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a SQL script into statements. Spate parses the statements Calcite's parser does not know
 * (Flink's DDL: {@code CREATE TABLE} with {@code WATERMARK}, {@code METADATA} columns and {@code
 * WITH} options, {@code SET}, {@code SHOW}, statement sets, ...) itself, and leaves queries,
 * inserts, expressions and types as text, with their place in the script, for Calcite's parser
 * and the type parser. Errors name the line and column and what was expected.
 */
@Internal
public final class SqlStatementParser {

  private static final List<String> STATEMENT_STARTS = List.of("SELECT", "WITH", "VALUES", "INSERT", "CREATE", "DROP",
      "ALTER", "SHOW", "DESCRIBE", "DESC", "SET", "RESET", "USE", "EXPLAIN", "EXECUTE", "BEGIN", "STOP");

  /** Words Calcite's parser reserves for other dialects that Flink's parser takes as names. */
  private static final java.util.Set<String> CALCITE_ONLY_KEYWORDS = java.util.Set.of("DATETIME");

  private final String script;
  private final List<SqlToken> tokens;
  private int pos;
  private int end;

  private SqlStatementParser(String script, List<SqlToken> tokens) {
    this.script = script;
    this.tokens = tokens;
  }

  /** Every statement of {@code script}, split at semicolons outside statement sets. */
  public static List<ParsedStatement> parseScript(String script) {
    List<SqlToken> tokens = SqlTokenizer.tokenize(script);
    SqlStatementParser parser = new SqlStatementParser(script, tokens);
    List<ParsedStatement> statements = new ArrayList<>();
    int start = 0;
    while (tokens.get(start).kind() != SqlToken.Kind.END) {
      if (tokens.get(start).isSymbol(";")) {
        start++; // an empty statement
        continue;
      }
      int stop = statementEnd(tokens, start);
      statements.add(parser.parse(start, stop));
      start = tokens.get(stop).kind() == SqlToken.Kind.END ? stop : stop + 1;
    }
    return statements;
  }

  /** The one statement of {@code sql} (a trailing semicolon is allowed). */
  public static ParsedStatement parseStatement(String sql) {
    List<ParsedStatement> statements = parseScript(sql);
    if (statements.isEmpty()) {
      throw new SqlParserException("The statement is empty");
    }
    if (statements.size() > 1) {
      throw new SqlParserException("Expected one statement but found " + statements.size() + "; the second starts at "
          + statements.get(1).text().positionOf(0) + " (run a script statement by statement, or use a statement set)");
    }
    return statements.get(0);
  }

  /** The parts of a name such as {@code db.`my table`}: one to three identifiers separated by dots. */
  public static List<String> parseName(String name) {
    List<SqlToken> tokens = SqlTokenizer.tokenize(name);
    SqlStatementParser parser = new SqlStatementParser(name, tokens);
    parser.pos = 0;
    parser.end = tokens.size() - 1;
    List<String> parts = parser.objectName().parts();
    parser.expectEnd();
    return parts;
  }

  /**
   * {@code sql} with the names Calcite's parser would take for keywords, though Flink's takes them for
   * names, in back quotes: every unquoted word after a dot ({@code person.dateTime} becomes
   * {@code person.`dateTime`}; after a dot SQL allows only a name) and the words Calcite reserves for
   * other dialects ({@code DATETIME}). Quoting keeps a name's case, so the meaning is the same.
   * A call {@code UUID(} becomes {@code `UUID`(}: Calcite takes the word for a type.
   */
  public static String quoteFlinkNames(String sql) {
    List<SqlToken> tokens;
    try {
      tokens = SqlTokenizer.tokenize(sql);
    } catch (SqlParserException e) {
      return sql; // Calcite's parser reports the error with its place
    }
    StringBuilder out = new StringBuilder(sql.length() + 16);
    int copied = 0;
    for (int i = 0; i < tokens.size(); i++) {
      SqlToken token = tokens.get(i);
      SqlToken previous = i == 0 ? token : tokens.get(i - 1);
      boolean afterDot = previous.isSymbol(".") && previous.end() == token.start();
      if (token.kind() == SqlToken.Kind.WORD && (afterDot || CALCITE_ONLY_KEYWORDS.contains(
          token.text().toUpperCase(java.util.Locale.ROOT)))) {
        out.append(sql, copied, token.start()).append('`').append(token.text()).append('`');
        copied = token.end();
      } else if (token.kind() == SqlToken.Kind.WORD && !afterDot && isUuidCall(tokens, i)) {
        // Calcite reads UUID as the start of a UUID literal; Flink's UUID() is a function, found by its upper-case name.
        out.append(sql, copied, token.start()).append("`UUID`");
        copied = token.end();
      }
    }
    return out.append(sql, copied, sql.length()).toString();
  }

  /** Whether the token at {@code i} is the name of a call of Flink's {@code UUID()}. */
  private static boolean isUuidCall(List<SqlToken> tokens, int i) {
    return tokens.get(i).isWord("UUID") && tokens.get(i + 1).isSymbol("(");
  }

  /** The index of the semicolon (or end) that ends the statement starting at {@code start}. */
  private static int statementEnd(List<SqlToken> tokens, int start) {
    boolean statementSet = tokens.get(start).isWord("EXECUTE") && tokens.get(start + 1).isWord("STATEMENT")
        || tokens.get(start).isWord("BEGIN") && tokens.get(start + 1).isWord("STATEMENT")
        || tokens.get(start).isWord("EXPLAIN") && containsStatementSetStart(tokens, start);
    int i = start;
    int openCases = 0; // a CASE expression's END is not the statement set's
    while (tokens.get(i).kind() != SqlToken.Kind.END) {
      SqlToken token = tokens.get(i);
      if (token.isSymbol(";") && !statementSet) {
        return i;
      }
      if (token.isWord("CASE")) {
        openCases++;
      } else if (token.isWord("END") && openCases > 0) {
        openCases--;
      } else if (statementSet && token.isWord("END") && (tokens.get(i + 1).isSymbol(";")
          || tokens.get(i + 1).kind() == SqlToken.Kind.END)) {
        return i + 1;
      }
      i++;
    }
    return i;
  }

  private static boolean containsStatementSetStart(List<SqlToken> tokens, int start) {
    for (int i = start + 1; i < start + 6 && tokens.get(i).kind() != SqlToken.Kind.END; i++) {
      if (tokens.get(i).isWord("STATEMENT") && tokens.get(i + 1).isWord("SET")) {
        return true;
      }
      if (tokens.get(i).isSymbol(";")) {
        return false;
      }
    }
    return false;
  }

  private ParsedStatement parse(int start, int stop) {
    int savedPos = pos;
    int savedEnd = end;
    pos = start;
    end = stop;
    try {
      return statement();
    } finally {
      pos = savedPos;
      end = savedEnd;
    }
  }

  private ParsedStatement statement() {
    SqlText text = textFrom(pos, end);
    SqlToken first = peek();
    if (first.isSymbol("(") || first.isWord("SELECT") || first.isWord("WITH") || first.isWord("VALUES")) {
      return query(text);
    }
    if (!first.isIdentifier()) {
      throw error("a statement");
    }
    switch (first.text().toUpperCase(java.util.Locale.ROOT)) {
      case "INSERT":
      case "UPSERT":
        return insert(text);
      case "CREATE":
        return create(text);
      case "DROP":
        return drop(text);
      case "ALTER":
        return alter(text);
      case "SHOW":
        return show(text);
      case "DESCRIBE":
      case "DESC":
        next();
        return new Describe(text, objectName());
      case "SET":
        return set(text);
      case "RESET":
        return reset(text);
      case "USE":
        return use(text);
      case "EXPLAIN":
        return explain(text);
      case "EXECUTE":
        return execute(text);
      case "BEGIN":
        return statementSet(text);
      case "STOP":
        return stopJob(text);
      default:
        throw new SqlParserException("Cannot parse the statement at " + first.position() + ": '" + first.text()
            + "' does not start a statement; expected one of " + String.join(", ", STATEMENT_STARTS));
    }
  }

  private ParsedStatement query(SqlText text) {
    for (int i = pos; i < end; i++) {
      if (tokens.get(i).isWord("MATCH_RECOGNIZE")) {
        return new Unsupported(text, "MATCH_RECOGNIZE (pattern recognition in SQL)");
      }
    }
    return new Query(text);
  }

  private Insert insert(SqlText text) {
    return new Insert(text);
  }

  private ParsedStatement create(SqlText text) {
    expectWord("CREATE");
    boolean temporary = acceptWord("TEMPORARY");
    boolean system = temporary && acceptWord("SYSTEM");
    if (acceptWord("TABLE")) {
      return createTable(text, temporary);
    }
    if (acceptWord("VIEW")) {
      return createView(text, temporary);
    }
    if (acceptWord("FUNCTION")) {
      return createFunction(text, temporary, system);
    }
    if (acceptWord("DATABASE")) {
      boolean ifNotExists = ifNotExists();
      ObjectName name = objectName();
      String comment = acceptWord("COMMENT") ? stringLiteral() : null;
      if (acceptWord("WITH")) {
        options();
      }
      expectEnd();
      return new CreateDatabase(text, name, ifNotExists, comment);
    }
    if (acceptWord("CATALOG")) {
      return new Unsupported(text, "CREATE CATALOG (Spate has one in-memory catalog, default_catalog)");
    }
    throw error("TABLE, VIEW, FUNCTION or DATABASE after CREATE" + (temporary ? " TEMPORARY" : ""));
  }

  private ParsedStatement createTable(SqlText text, boolean temporary) {
    boolean ifNotExists = ifNotExists();
    ObjectName name = objectName();
    List<ColumnSpec> columns = new ArrayList<>();
    WatermarkSpec watermark = null;
    PrimaryKeySpec primaryKey = null;
    if (peek().isWord("WITH") || peek().isWord("AS")) {
      return new Unsupported(text, "CREATE TABLE ... AS SELECT");
    }
    expectSymbol("(");
    do {
      if (peek().isWord("WATERMARK")) {
        SqlToken at = next();
        if (watermark != null) {
          throw new SqlParserException("A second WATERMARK at " + at.position() + ": a table has at most one");
        }
        expectWord("FOR");
        String column = identifier();
        expectWord("AS");
        watermark = new WatermarkSpec(column, expressionText("the watermark expression"));
      } else if (peek().isWord("CONSTRAINT") || peek().isWord("PRIMARY")) {
        SqlToken at = peek();
        String constraintName = acceptWord("CONSTRAINT") ? identifier() : null;
        expectWord("PRIMARY");
        expectWord("KEY");
        List<String> keyColumns = identifierList();
        notEnforced();
        if (primaryKey != null) {
          throw new SqlParserException("A second PRIMARY KEY at " + at.position() + ": a table has at most one");
        }
        primaryKey = new PrimaryKeySpec(constraintName, keyColumns);
      } else if (peek().isWord("LIKE")) {
        return new Unsupported(text, "CREATE TABLE ... LIKE");
      } else {
        String column = identifier();
        if (acceptWord("AS")) {
          SqlText expression = expressionText("the computed column's expression");
          columns.add(new ComputedColumnSpec(column, expression, acceptWord("COMMENT") ? stringLiteral() : null));
        } else {
          SqlText type = typeText(column);
          if (acceptWord("METADATA")) {
            String key = acceptWord("FROM") ? stringLiteral() : null;
            boolean virtual = acceptWord("VIRTUAL");
            columns.add(new MetadataColumnSpec(column, type, key, virtual,
                acceptWord("COMMENT") ? stringLiteral() : null));
          } else {
            SqlToken at = peek();
            if (acceptWord("PRIMARY")) {
              expectWord("KEY");
              notEnforced();
              if (primaryKey != null) {
                throw new SqlParserException("A second PRIMARY KEY at " + at.position() + ": a table has at most one");
              }
              primaryKey = new PrimaryKeySpec(null, List.of(column));
            }
            columns.add(new PhysicalColumnSpec(column, type, acceptWord("COMMENT") ? stringLiteral() : null));
          }
        }
      }
    } while (acceptSymbol(","));
    expectSymbol(")");
    String comment = acceptWord("COMMENT") ? stringLiteral() : null;
    List<String> partitionKeys = List.of();
    if (acceptWord("PARTITIONED")) {
      expectWord("BY");
      partitionKeys = identifierList();
    }
    Map<String, String> options = Map.of();
    if (acceptWord("WITH")) {
      options = options();
    }
    if (peek().isWord("LIKE")) {
      return new Unsupported(text, "CREATE TABLE ... LIKE");
    }
    if (peek().isWord("AS")) {
      return new Unsupported(text, "CREATE TABLE ... AS SELECT");
    }
    expectEnd();
    return new CreateTable(text, name, temporary, ifNotExists, columns, watermark, primaryKey, comment, partitionKeys,
        options);
  }

  private CreateView createView(SqlText text, boolean temporary) {
    boolean ifNotExists = ifNotExists();
    ObjectName name = objectName();
    List<String> columnNames = peek().isSymbol("(") ? identifierList() : List.of();
    if (acceptWord("COMMENT")) {
      stringLiteral();
    }
    expectWord("AS");
    if (pos >= end) {
      throw error("a query after AS");
    }
    return new CreateView(text, name, temporary, ifNotExists, columnNames, textFrom(pos, end));
  }

  private ParsedStatement createFunction(SqlText text, boolean temporary, boolean system) {
    boolean ifNotExists = ifNotExists();
    ObjectName name = objectName();
    expectWord("AS");
    String className = stringLiteral();
    if (acceptWord("LANGUAGE")) {
      SqlToken language = next();
      if (!language.isWord("JAVA") && !language.isWord("SCALA")) {
        if (language.isWord("PYTHON")) {
          return new Unsupported(text, "functions in LANGUAGE PYTHON");
        }
        throw new SqlParserException("Unknown function language " + language.describe() + " at "
            + language.position() + "; expected JAVA");
      }
    }
    if (peek().isWord("USING")) {
      return new Unsupported(text, "CREATE FUNCTION ... USING JAR (put the jar on the class path instead)");
    }
    expectEnd();
    return new CreateFunction(text, name, temporary, system, ifNotExists, className);
  }

  private Drop drop(SqlText text) {
    expectWord("DROP");
    boolean temporary = acceptWord("TEMPORARY");
    boolean system = temporary && acceptWord("SYSTEM");
    ObjectKind kind = objectKind("TABLE, VIEW, FUNCTION or DATABASE after DROP");
    boolean ifExists = false;
    if (acceptWord("IF")) {
      expectWord("EXISTS");
      ifExists = true;
    }
    ObjectName name = objectName();
    if (kind == ObjectKind.DATABASE && !acceptWord("RESTRICT")) {
      acceptWord("CASCADE");
    }
    expectEnd();
    return new Drop(text, kind, name, temporary, system, ifExists);
  }

  private ParsedStatement alter(SqlText text) {
    expectWord("ALTER");
    ObjectKind kind = objectKind("TABLE or VIEW after ALTER");
    if (kind != ObjectKind.TABLE && kind != ObjectKind.VIEW) {
      return new Unsupported(text, "ALTER " + kind);
    }
    ObjectName name = objectName();
    if (acceptWord("RENAME")) {
      expectWord("TO");
      ObjectName newName = objectName();
      expectEnd();
      return new AlterRename(text, kind, name, newName);
    }
    if (kind == ObjectKind.TABLE && acceptWord("SET")) {
      Map<String, String> options = options();
      expectEnd();
      return new AlterTableOptions(text, name, options, List.of());
    }
    if (kind == ObjectKind.TABLE && acceptWord("RESET")) {
      expectSymbol("(");
      List<String> keys = new ArrayList<>();
      do {
        keys.add(stringLiteral());
      } while (acceptSymbol(","));
      expectSymbol(")");
      expectEnd();
      return new AlterTableOptions(text, name, Map.of(), keys);
    }
    SqlToken what = peek();
    return new Unsupported(text, "ALTER " + kind + " ... " + what.text().toUpperCase(java.util.Locale.ROOT));
  }

  private Show show(SqlText text) {
    expectWord("SHOW");
    SqlToken what = next();
    ShowKind kind;
    ObjectName name = null;
    if (what.isWord("TABLES")) {
      kind = ShowKind.TABLES;
    } else if (what.isWord("VIEWS")) {
      kind = ShowKind.VIEWS;
    } else if (what.isWord("FUNCTIONS")) {
      kind = ShowKind.FUNCTIONS;
    } else if (what.isWord("USER")) {
      expectWord("FUNCTIONS");
      kind = ShowKind.USER_FUNCTIONS;
    } else if (what.isWord("DATABASES")) {
      kind = ShowKind.DATABASES;
    } else if (what.isWord("CATALOGS")) {
      kind = ShowKind.CATALOGS;
    } else if (what.isWord("JOBS")) {
      kind = ShowKind.JOBS;
    } else if (what.isWord("CURRENT")) {
      SqlToken which = next();
      if (which.isWord("CATALOG")) {
        kind = ShowKind.CURRENT_CATALOG;
      } else if (which.isWord("DATABASE")) {
        kind = ShowKind.CURRENT_DATABASE;
      } else {
        throw errorAt(which, "CATALOG or DATABASE after SHOW CURRENT");
      }
    } else if (what.isWord("CREATE")) {
      SqlToken which = next();
      if (which.isWord("TABLE")) {
        kind = ShowKind.CREATE_TABLE;
      } else if (which.isWord("VIEW")) {
        kind = ShowKind.CREATE_VIEW;
      } else {
        throw errorAt(which, "TABLE or VIEW after SHOW CREATE");
      }
      name = objectName();
    } else if (what.isWord("COLUMNS")) {
      if (!acceptWord("FROM")) {
        expectWord("IN");
      }
      kind = ShowKind.COLUMNS;
      name = objectName();
    } else {
      throw errorAt(what, "TABLES, VIEWS, FUNCTIONS, USER FUNCTIONS, DATABASES, CATALOGS, CURRENT CATALOG,"
          + " CURRENT DATABASE, JOBS, CREATE TABLE, CREATE VIEW or COLUMNS after SHOW");
    }
    expectEnd();
    return new Show(text, kind, name);
  }

  private ParsedStatement set(SqlText text) {
    expectWord("SET");
    if (pos >= end) {
      return new ParsedStatement.Set(text, null, null);
    }
    String key = settingKey();
    expectSymbol("=");
    String value;
    if (peek().kind() == SqlToken.Kind.STRING && pos + 1 == end) {
      value = next().value();
    } else if (pos < end) {
      value = script.substring(tokens.get(pos).start(), tokens.get(end - 1).end()).trim();
      pos = end;
    } else {
      throw error("a value after '='");
    }
    return new ParsedStatement.Set(text, key, value);
  }

  private Reset reset(SqlText text) {
    expectWord("RESET");
    if (pos >= end) {
      return new Reset(text, null);
    }
    String key = settingKey();
    expectEnd();
    return new Reset(text, key);
  }

  /** A setting's key: a string literal, or (as older SQL clients allowed) dotted words. */
  private String settingKey() {
    if (peek().kind() == SqlToken.Kind.STRING) {
      return next().value();
    }
    int start = pos;
    while (pos < end && !peek().isSymbol("=")) {
      next();
    }
    if (start == pos) {
      throw error("a key in quotes, such as 'parallelism.default'");
    }
    return script.substring(tokens.get(start).start(), tokens.get(pos - 1).end()).trim();
  }

  private Use use(SqlText text) {
    expectWord("USE");
    boolean catalog = acceptWord("CATALOG");
    ObjectName name = objectName();
    expectEnd();
    return new Use(text, name, catalog);
  }

  private ParsedStatement explain(SqlText text) {
    expectWord("EXPLAIN");
    java.util.EnumSet<ExplainDetail> details = java.util.EnumSet.noneOf(ExplainDetail.class);
    if (acceptWord("PLAN")) {
      expectWord("FOR");
    } else {
      while (peek().isWord("ESTIMATED_COST") || peek().isWord("CHANGELOG_MODE") || peek().isWord("JSON_EXECUTION_PLAN")
          || peek().isWord("PLAN_ADVICE")) {
        details.add(ExplainDetail.valueOf(next().text().toUpperCase(java.util.Locale.ROOT)));
        acceptSymbol(",");
      }
    }
    if (pos >= end) {
      throw error("a statement to explain");
    }
    return new Explain(text, parse(pos, end), details);
  }

  private ParsedStatement execute(SqlText text) {
    expectWord("EXECUTE");
    if (peek().isWord("STATEMENT")) {
      return statementSet(text);
    }
    if (pos >= end) {
      throw error("INSERT, SELECT or STATEMENT SET after EXECUTE");
    }
    ParsedStatement executed = parse(pos, end);
    if (!(executed instanceof Insert) && !(executed instanceof Query)) {
      throw new SqlParserException("EXECUTE at " + text.positionOf(0) + " runs an INSERT, a query or a statement set,"
          + " not " + executed.getClass().getSimpleName().toUpperCase(java.util.Locale.ROOT));
    }
    return new Execute(text, executed);
  }

  /** {@code [EXECUTE] STATEMENT SET BEGIN ... END} or {@code BEGIN STATEMENT SET; ... END}. */
  private StatementSet statementSet(SqlText text) {
    if (acceptWord("BEGIN")) {
      expectWord("STATEMENT");
      expectWord("SET");
      expectSymbol(";");
    } else {
      expectWord("STATEMENT");
      expectWord("SET");
      expectWord("BEGIN");
    }
    List<Insert> inserts = new ArrayList<>();
    while (pos < end && !peek().isWord("END")) {
      int start = pos;
      int stop = start;
      while (stop < end && !tokens.get(stop).isSymbol(";")) {
        stop++;
      }
      ParsedStatement inner = parse(start, stop);
      if (!(inner instanceof Insert insert)) {
        throw new SqlParserException("A statement set holds only INSERT statements, but the statement at "
            + inner.text().positionOf(0) + " is not one");
      }
      inserts.add(insert);
      pos = stop;
      expectSymbol(";");
    }
    expectWord("END");
    if (pos < end) {
      acceptSymbol(";");
    }
    expectEnd();
    if (inserts.isEmpty()) {
      throw new SqlParserException("The statement set at " + text.positionOf(0) + " holds no INSERT statement");
    }
    return new StatementSet(text, inserts);
  }

  private StopJob stopJob(SqlText text) {
    expectWord("STOP");
    expectWord("JOB");
    String jobId = stringLiteral();
    boolean savepoint = false;
    boolean drain = false;
    while (acceptWord("WITH")) {
      if (acceptWord("SAVEPOINT")) {
        savepoint = true;
      } else if (acceptWord("DRAIN")) {
        drain = true;
      } else {
        throw error("SAVEPOINT or DRAIN after WITH");
      }
    }
    expectEnd();
    return new StopJob(text, jobId, savepoint, drain);
  }

  // ---- pieces -------------------------------------------------------------------------------

  private ObjectKind objectKind(String expected) {
    SqlToken token = next();
    for (ObjectKind kind : ObjectKind.values()) {
      if (token.isWord(kind.name())) {
        return kind;
      }
    }
    throw errorAt(token, expected);
  }

  private boolean ifNotExists() {
    if (acceptWord("IF")) {
      expectWord("NOT");
      expectWord("EXISTS");
      return true;
    }
    return false;
  }

  private void notEnforced() {
    SqlToken at = peek();
    if (!acceptWord("NOT")) {
      throw new SqlParserException("Spate, like Flink, does not enforce primary keys: write PRIMARY KEY (...) NOT"
          + " ENFORCED (at " + at.position() + ")");
    }
    expectWord("ENFORCED");
  }

  private ObjectName objectName() {
    List<String> parts = new ArrayList<>();
    parts.add(identifier());
    while (acceptSymbol(".")) {
      parts.add(identifier());
    }
    if (parts.size() > 3) {
      throw new SqlParserException("The name '" + String.join(".", parts) + "' has " + parts.size()
          + " parts; a name is [catalog.][database.]object");
    }
    return new ObjectName(parts);
  }

  private List<String> identifierList() {
    expectSymbol("(");
    List<String> names = new ArrayList<>();
    do {
      names.add(identifier());
    } while (acceptSymbol(","));
    expectSymbol(")");
    return names;
  }

  private String identifier() {
    SqlToken token = peek();
    if (!token.isIdentifier() || pos >= end) {
      throw error("a name");
    }
    next();
    return token.value();
  }

  private String stringLiteral() {
    SqlToken token = peek();
    if (token.kind() != SqlToken.Kind.STRING || pos >= end) {
      throw error("a string literal in single quotes");
    }
    next();
    return token.value();
  }

  private Map<String, String> options() {
    expectSymbol("(");
    Map<String, String> options = new LinkedHashMap<>();
    if (acceptSymbol(")")) {
      return options;
    }
    do {
      SqlToken keyToken = peek();
      String key = stringLiteral();
      expectSymbol("=");
      String value = stringLiteral();
      if (options.put(key, value) != null) {
        throw new SqlParserException("The option '" + key + "' is given twice (the second time at "
            + keyToken.position() + ")");
      }
    } while (acceptSymbol(","));
    expectSymbol(")");
    return options;
  }

  /** A column's type: the tokens up to a comma or closing parenthesis outside brackets, or a column keyword. */
  private SqlText typeText(String column) {
    int start = pos;
    int depth = 0;
    while (pos < end) {
      SqlToken token = peek();
      if (depth == 0 && (token.isSymbol(",") || token.isSymbol(")") || token.isWord("METADATA")
          || token.isWord("COMMENT") || token.isWord("PRIMARY"))) {
        break;
      }
      if (token.isSymbol("(") || token.isSymbol("<")) {
        depth++;
      } else if (token.isSymbol(")") || token.isSymbol(">")) {
        depth--;
      }
      next();
    }
    if (start == pos) {
      throw error("the type of column '" + column + "'");
    }
    return textFrom(start, pos);
  }

  /** An expression: the tokens up to a comma or closing parenthesis outside parentheses, or COMMENT. */
  private SqlText expressionText(String what) {
    int start = pos;
    int depth = 0;
    while (pos < end) {
      SqlToken token = peek();
      if (depth == 0 && (token.isSymbol(",") || token.isSymbol(")") || token.isWord("COMMENT"))) {
        break;
      }
      if (token.isSymbol("(")) {
        depth++;
      } else if (token.isSymbol(")")) {
        depth--;
      }
      next();
    }
    if (start == pos) {
      throw error(what);
    }
    return textFrom(start, pos);
  }

  private SqlText textFrom(int from, int to) {
    SqlToken first = tokens.get(from);
    if (from >= to) {
      return new SqlText("", first.line(), first.column());
    }
    return new SqlText(script.substring(first.start(), tokens.get(to - 1).end()), first.line(), first.column());
  }

  private SqlToken peek() {
    return pos < end ? tokens.get(pos) : endToken();
  }

  private SqlToken endToken() {
    SqlToken last = tokens.get(end);
    return new SqlToken(SqlToken.Kind.END, "", "", last.start(), last.start(), last.line(), last.column());
  }

  private SqlToken next() {
    SqlToken token = peek();
    if (pos < end) {
      pos++;
    }
    return token;
  }

  private boolean acceptWord(String word) {
    if (pos < end && peek().isWord(word)) {
      pos++;
      return true;
    }
    return false;
  }

  private boolean acceptSymbol(String symbol) {
    if (pos < end && peek().isSymbol(symbol)) {
      pos++;
      return true;
    }
    return false;
  }

  private void expectWord(String word) {
    if (!acceptWord(word)) {
      throw error(word);
    }
  }

  private void expectSymbol(String symbol) {
    if (!acceptSymbol(symbol)) {
      throw error("'" + symbol + "'");
    }
  }

  private void expectEnd() {
    if (pos < end) {
      throw error("the end of the statement");
    }
  }

  private SqlParserException error(String expected) {
    return errorAt(peek(), expected);
  }

  private static SqlParserException errorAt(SqlToken token, String expected) {
    return new SqlParserException("Encountered " + token.describe() + " at " + token.position() + "; expected "
        + expected);
  }
}
