package io.spate.table.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.table.api.SqlParserException;
import io.spate.table.parse.ParsedStatement.ComputedColumnSpec;
import io.spate.table.parse.ParsedStatement.CreateTable;
import io.spate.table.parse.ParsedStatement.MetadataColumnSpec;
import io.spate.table.parse.ParsedStatement.PhysicalColumnSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SqlStatementParserTest {

  @Test
  void aCreateTableKeepsEveryPartOfItsColumnsAndOptions() {
    CreateTable table = (CreateTable) SqlStatementParser.parseStatement("""
        CREATE TEMPORARY TABLE IF NOT EXISTS db1.`Orders` (
          `id` BIGINT NOT NULL COMMENT 'the order',
          item ROW<name STRING, tags ARRAY<STRING>, price DECIMAL(10, 2)>,
          amounts MAP<STRING, INT>,
          total AS price * 2 COMMENT 'computed',
          ts TIMESTAMP(3) METADATA FROM 'timestamp' VIRTUAL,
          part INT METADATA,
          WATERMARK FOR ts AS ts - INTERVAL '5' SECOND,
          CONSTRAINT pk PRIMARY KEY (`id`) NOT ENFORCED
        ) COMMENT 'orders' PARTITIONED BY (part) WITH (
          'connector' = 'kafka',
          'it''s' = 'quoted'
        );
        """);
    assertThat(table.name().parts()).containsExactly("db1", "Orders");
    assertThat(table.temporary()).isTrue();
    assertThat(table.ifNotExists()).isTrue();
    assertThat(table.columns()).hasSize(6);
    PhysicalColumnSpec id = (PhysicalColumnSpec) table.columns().get(0);
    assertThat(id.name()).isEqualTo("id");
    assertThat(id.type().text()).isEqualTo("BIGINT NOT NULL");
    assertThat(id.comment()).isEqualTo("the order");
    assertThat(((PhysicalColumnSpec) table.columns().get(1)).type().text())
        .isEqualTo("ROW<name STRING, tags ARRAY<STRING>, price DECIMAL(10, 2)>");
    assertThat(((PhysicalColumnSpec) table.columns().get(2)).type().text()).isEqualTo("MAP<STRING, INT>");
    ComputedColumnSpec total = (ComputedColumnSpec) table.columns().get(3);
    assertThat(total.expression().text()).isEqualTo("price * 2");
    assertThat(total.expression().line()).isEqualTo(5);
    assertThat(total.expression().column()).isEqualTo(12);
    assertThat(total.comment()).isEqualTo("computed");
    MetadataColumnSpec ts = (MetadataColumnSpec) table.columns().get(4);
    assertThat(ts.key()).isEqualTo("timestamp");
    assertThat(ts.virtual()).isTrue();
    assertThat(ts.type().text()).isEqualTo("TIMESTAMP(3)");
    MetadataColumnSpec part = (MetadataColumnSpec) table.columns().get(5);
    assertThat(part.key()).isNull();
    assertThat(part.virtual()).isFalse();
    assertThat(table.watermark().rowtimeColumn()).isEqualTo("ts");
    assertThat(table.watermark().expression().text()).isEqualTo("ts - INTERVAL '5' SECOND");
    assertThat(table.primaryKey().constraintName()).isEqualTo("pk");
    assertThat(table.primaryKey().columns()).containsExactly("id");
    assertThat(table.comment()).isEqualTo("orders");
    assertThat(table.partitionKeys()).containsExactly("part");
    assertThat(table.options()).containsExactly(Map.entry("connector", "kafka"), Map.entry("it's", "quoted"));
  }

  @Test
  void aPrimaryKeyMayFollowItsColumn() {
    CreateTable table = (CreateTable) SqlStatementParser.parseStatement(
        "CREATE TABLE t (k STRING PRIMARY KEY NOT ENFORCED, v INT) WITH ('connector' = 'print')");
    assertThat(table.primaryKey().columns()).containsExactly("k");
    assertThat(table.columns()).extracting(ParsedStatement.ColumnSpec::name).containsExactly("k", "v");
  }

  @Test
  void aScriptSplitsAtSemicolonsOutsideStringsAndComments() {
    List<ParsedStatement> statements = SqlStatementParser.parseScript("""
        -- a comment; with a semicolon
        SET 'pipeline.name' = 'a;b';
        /* another; one */ SELECT 'x;y' FROM t;;
        INSERT INTO s SELECT * FROM t
        """);
    assertThat(statements).hasSize(3);
    assertThat(statements.get(0)).isEqualTo(new ParsedStatement.Set(statements.get(0).text(), "pipeline.name", "a;b"));
    assertThat(statements.get(1)).isInstanceOf(ParsedStatement.Query.class);
    assertThat(statements.get(1).text().text()).isEqualTo("SELECT 'x;y' FROM t");
    assertThat(statements.get(1).text().line()).isEqualTo(3);
    assertThat(statements.get(1).text().column()).isEqualTo(20);
    assertThat(statements.get(2)).isInstanceOf(ParsedStatement.Insert.class);
  }

  @Test
  void aStatementSetHoldsItsInsertsInBothSpellings() {
    List<ParsedStatement> statements = SqlStatementParser.parseScript("""
        EXECUTE STATEMENT SET BEGIN
          INSERT INTO a SELECT CASE WHEN x > 1 THEN 1 ELSE 0 END FROM t;
          INSERT INTO b SELECT * FROM t;
        END;
        BEGIN STATEMENT SET;
        INSERT INTO c SELECT * FROM t;
        END;
        SELECT 1;
        """);
    assertThat(statements).hasSize(3);
    assertThat(((ParsedStatement.StatementSet) statements.get(0)).inserts()).extracting(i -> i.text().text())
        .containsExactly("INSERT INTO a SELECT CASE WHEN x > 1 THEN 1 ELSE 0 END FROM t", "INSERT INTO b SELECT * FROM t");
    assertThat(((ParsedStatement.StatementSet) statements.get(1)).inserts()).hasSize(1);
    assertThat(statements.get(2)).isInstanceOf(ParsedStatement.Query.class);
  }

  @Test
  void aStatementSetTakesOnlyInserts() {
    assertThatThrownBy(() -> SqlStatementParser.parseStatement(
        "EXECUTE STATEMENT SET BEGIN SELECT 1; END"))
        .isInstanceOf(SqlParserException.class)
        .hasMessageContaining("holds only INSERT statements")
        .hasMessageContaining("line 1, column 29");
  }

  @Test
  void theSmallStatementsParse() {
    assertThat(SqlStatementParser.parseStatement("SET")).isEqualTo(new ParsedStatement.Set(text("SET"), null, null));
    assertThat(SqlStatementParser.parseStatement("SET table.local-time-zone = Europe/Berlin"))
        .isEqualTo(new ParsedStatement.Set(text("SET table.local-time-zone = Europe/Berlin"),
            "table.local-time-zone", "Europe/Berlin"));
    assertThat(SqlStatementParser.parseStatement("RESET 'a.b'")).isEqualTo(new ParsedStatement.Reset(text("RESET 'a.b'"),
        "a.b"));
    assertThat(((ParsedStatement.Show) SqlStatementParser.parseStatement("show user functions")).kind())
        .isEqualTo(ParsedStatement.ShowKind.USER_FUNCTIONS);
    assertThat(((ParsedStatement.Show) SqlStatementParser.parseStatement("SHOW CREATE TABLE t")).name().name())
        .isEqualTo("t");
    assertThat(((ParsedStatement.Describe) SqlStatementParser.parseStatement("DESC c.d.t")).name().parts())
        .containsExactly("c", "d", "t");
    ParsedStatement.Drop drop = (ParsedStatement.Drop) SqlStatementParser.parseStatement("DROP TEMPORARY VIEW IF EXISTS v");
    assertThat(drop.kind()).isEqualTo(ParsedStatement.ObjectKind.VIEW);
    assertThat(drop.ifExists()).isTrue();
    assertThat(drop.temporary()).isTrue();
    ParsedStatement.CreateFunction function = (ParsedStatement.CreateFunction) SqlStatementParser.parseStatement(
        "CREATE TEMPORARY SYSTEM FUNCTION f AS 'com.example.F' LANGUAGE JAVA");
    assertThat(function.className()).isEqualTo("com.example.F");
    assertThat(function.system()).isTrue();
    ParsedStatement.CreateView view = (ParsedStatement.CreateView) SqlStatementParser.parseStatement(
        "CREATE VIEW v (a, b) AS SELECT x, y FROM t");
    assertThat(view.columnNames()).containsExactly("a", "b");
    assertThat(view.query().text()).isEqualTo("SELECT x, y FROM t");
    ParsedStatement.Explain explain = (ParsedStatement.Explain) SqlStatementParser.parseStatement(
        "EXPLAIN CHANGELOG_MODE, ESTIMATED_COST SELECT * FROM t");
    assertThat(explain.explained()).isInstanceOf(ParsedStatement.Query.class);
    assertThat(explain.details()).containsExactlyInAnyOrder(io.spate.table.api.ExplainDetail.CHANGELOG_MODE,
        io.spate.table.api.ExplainDetail.ESTIMATED_COST);
    ParsedStatement.StopJob stop = (ParsedStatement.StopJob) SqlStatementParser.parseStatement(
        "STOP JOB 'abc' WITH SAVEPOINT WITH DRAIN");
    assertThat(stop.jobId()).isEqualTo("abc");
    assertThat(stop.withSavepoint()).isTrue();
    assertThat(stop.withDrain()).isTrue();
    ParsedStatement.AlterTableOptions alter = (ParsedStatement.AlterTableOptions) SqlStatementParser.parseStatement(
        "ALTER TABLE t SET ('a' = '1')");
    assertThat(alter.set()).containsExactly(Map.entry("a", "1"));
  }

  @Test
  void featuresLeftForLaterAreNamed() {
    assertThat(SqlStatementParser.parseStatement("SELECT * FROM t MATCH_RECOGNIZE (PATTERN (A))"))
        .isInstanceOfSatisfying(ParsedStatement.Unsupported.class,
            u -> assertThat(u.feature()).contains("MATCH_RECOGNIZE"));
    assertThat(SqlStatementParser.parseStatement("CREATE TABLE t WITH ('connector' = 'print') AS SELECT 1"))
        .isInstanceOfSatisfying(ParsedStatement.Unsupported.class,
            u -> assertThat(u.feature()).isEqualTo("CREATE TABLE ... AS SELECT"));
    assertThat(SqlStatementParser.parseStatement("CREATE CATALOG c WITH ('type' = 'hive')"))
        .isInstanceOf(ParsedStatement.Unsupported.class);
  }

  @Test
  void errorsNameLineColumnAndWhatWasExpected() {
    assertThatThrownBy(() -> SqlStatementParser.parseStatement("CREATE TABLE t (\n  a INT,\n  b\n) WITH ()"))
        .isInstanceOf(SqlParserException.class)
        .hasMessage("Encountered ')' at line 4, column 1; expected the type of column 'b'");
    assertThatThrownBy(() -> SqlStatementParser.parseStatement("CREATE TABLE t (a INT PRIMARY KEY)"))
        .hasMessageContaining("NOT ENFORCED").hasMessageContaining("line 1, column 34");
    assertThatThrownBy(() -> SqlStatementParser.parseStatement("CREATE TABLE t (a INT) WITH ('k' = 'v', 'k' = 'w')"))
        .hasMessageContaining("The option 'k' is given twice").hasMessageContaining("line 1, column 41");
    assertThatThrownBy(() -> SqlStatementParser.parseStatement("SELEKT 1"))
        .hasMessageContaining("'SELEKT' does not start a statement").hasMessageContaining("line 1, column 1");
    assertThatThrownBy(() -> SqlStatementParser.parseStatement("SELECT 'abc"))
        .hasMessage("Unterminated string literal starting at line 1, column 8");
    assertThatThrownBy(() -> SqlStatementParser.parseStatement("SELECT 1; SELECT 2"))
        .hasMessageContaining("Expected one statement but found 2").hasMessageContaining("line 1, column 11");
    assertThatThrownBy(() -> SqlStatementParser.parseStatement("  ;  "))
        .hasMessage("The statement is empty");
  }

  @Test
  void textAtItsScriptPositionKeepsLinesAndColumns() {
    SqlText text = new SqlText("SELECT x", 3, 5);
    assertThat(text.atScriptPosition()).isEqualTo("\n\n    SELECT x");
    assertThat(new SqlText("a\nbc", 2, 4).positionOf(3)).isEqualTo("line 3, column 2");
  }

  @Test
  void namesCalciteWouldTakeForKeywordsAreQuotedAndKeepTheirCase() {
    assertThat(SqlStatementParser.quoteFlinkNames("SELECT person.dateTime, dateTime - 1, p.`x`, t.* FROM t"))
        .isEqualTo("SELECT person.`dateTime`, `dateTime` - 1, p.`x`, t.* FROM t");
    assertThat(SqlStatementParser.quoteFlinkNames("SELECT 'a.b', 1.5 FROM t")).isEqualTo("SELECT 'a.b', 1.5 FROM t");
  }

  private static SqlText text(String sql) {
    return new SqlText(sql, 1, 1);
  }
}
