package io.spate.table.planner.calcite;

import static io.spate.table.types.logical.utils.LogicalTypeParser.parse;
import static org.assertj.core.api.Assertions.assertThat;

import io.spate.table.types.logical.RowType;
import io.spate.table.types.logical.utils.LogicalTypeMerging;
import java.util.List;
import java.util.Properties;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.config.Lex;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The types Calcite's validator derives under {@link SpateTypeSystem}, asserted as Flink reports them. */
class SpateTypeSystemTest {

  private static final String TABLE_TYPE = "ROW<i INT, b BIGINT NOT NULL, price BIGINT, d DECIMAL(10, 2),"
      + " big DECIMAL(38, 10), s STRING, ts TIMESTAMP(3), tiny TINYINT, r ROW<a INT NOT NULL, b STRING> NOT NULL,"
      + " nr ROW<a INT NOT NULL>, m MAP<STRING, BIGINT>>";

  private final SpateTypeFactory typeFactory = new SpateTypeFactory();

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(delimiter = '|', value = {
      "AVG(b)|BIGINT NOT NULL",
      "AVG(price)|BIGINT",
      "AVG(i)|INT",
      "AVG(tiny)|TINYINT",
      "AVG(d)|DECIMAL(38, 6)",
      "AVG(big)|DECIMAL(38, 10)",
      "SUM(i)|INT",
      "SUM(b)|BIGINT NOT NULL",
      "SUM(d)|DECIMAL(38, 2)",
      "COUNT(*)|BIGINT NOT NULL",
      "COUNT(DISTINCT s)|BIGINT NOT NULL",
      "MAX(d)|DECIMAL(10, 2)",
      "MIN(ts)|TIMESTAMP(3)",
  })
  void aggregatesKeepTheArgumentTypeAsInFlink(String aggregate, String expected) throws SqlParseException {
    assertThat(typeOf("SELECT " + aggregate + " FROM T GROUP BY s")).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(delimiter = '|', value = {
      "0.908 * price|DECIMAL(23, 3)",
      "0.908 * d|DECIMAL(14, 5)",
      "2.5 * i|DECIMAL(13, 1)",
      "d * d|DECIMAL(21, 4)",
      "big * big|DECIMAL(38, 6)",
      "d / d|DECIMAL(23, 13)",
      "d / i|DECIMAL(21, 13)",
      "i / d|DECIMAL(23, 11)",
      "d + d|DECIMAL(11, 2)",
      "d - price|DECIMAL(22, 2)",
      "MOD(d, d)|DECIMAL(10, 2)",
      "MOD(CAST(i AS DECIMAL(12, 0)), tiny)|TINYINT",
      "i + b|BIGINT",
      "b + b|BIGINT NOT NULL",
      "i * i|INT",
      "i / i|INT",
      "CAST(i AS VARCHAR)|STRING",
      "CAST(s AS TIMESTAMP)|TIMESTAMP(6)",
      "CAST(s AS TIMESTAMP(9))|TIMESTAMP(9)",
      "CAST(s AS DECIMAL)|DECIMAL(10, 0)",
      "CAST(s AS TIMESTAMP WITH LOCAL TIME ZONE)|TIMESTAMP_LTZ(6)",
      "ts|TIMESTAMP(3)",
      "r.a|INT NOT NULL",
      "r.b|STRING",
      "nr.a|INT",
      "r|ROW<`a` INT NOT NULL, `b` STRING> NOT NULL",
      "m['k']|BIGINT",
      "ARRAY[1, 2]|ARRAY<INT NOT NULL> NOT NULL",
      "MAP['a', b]|MAP<CHAR(1) NOT NULL, BIGINT NOT NULL> NOT NULL",
      "CAST(NULL AS INT)|INT",
      "'''日本'''|CHAR(2) NOT NULL",
      "s = '''日本'''|BOOLEAN",
      "CASE WHEN i > 0 THEN s ELSE '''日本''' END|STRING",
  })
  void expressionsGetFlinksResultTypes(String expression, String expected) throws SqlParseException {
    assertThat(typeOf("SELECT " + expression + " FROM T")).isEqualTo(expected);
  }

  @Test
  void aggregatesWithoutGroupByAreNullable() throws SqlParseException {
    assertThat(typeOf("SELECT SUM(b) FROM T")).isEqualTo("BIGINT");
    assertThat(typeOf("SELECT AVG(b) FROM T")).isEqualTo("BIGINT");
    assertThat(typeOf("SELECT COUNT(b) FROM T")).isEqualTo("BIGINT NOT NULL");
  }

  @Test
  void theTypeSystemHasFlinksLimitsAndDefaults() {
    SpateTypeSystem system = SpateTypeSystem.INSTANCE;
    assertThat(system.getMaxPrecision(SqlTypeName.DECIMAL)).isEqualTo(38);
    assertThat(system.getMaxScale(SqlTypeName.DECIMAL)).isEqualTo(38);
    assertThat(system.getDefaultPrecision(SqlTypeName.DECIMAL)).isEqualTo(10);
    assertThat(system.getMaxPrecision(SqlTypeName.TIMESTAMP)).isEqualTo(9);
    assertThat(system.getDefaultPrecision(SqlTypeName.TIMESTAMP)).isEqualTo(6);
    assertThat(system.getMaxPrecision(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE)).isEqualTo(9);
    assertThat(system.getDefaultPrecision(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE)).isEqualTo(6);
    assertThat(system.getMaxPrecision(SqlTypeName.TIME)).isEqualTo(9);
    assertThat(system.getDefaultPrecision(SqlTypeName.TIME)).isZero();
    assertThat(system.getMaxPrecision(SqlTypeName.VARCHAR)).isEqualTo(Integer.MAX_VALUE);
    assertThat(system.getDefaultPrecision(SqlTypeName.VARCHAR)).isEqualTo(Integer.MAX_VALUE);
    assertThat(system.getDefaultPrecision(SqlTypeName.CHAR)).isEqualTo(1);
    assertThat(system.shouldConvertRaggedUnionTypesToVarying()).isTrue();
  }

  @Test
  void aDecimalLiteralHasAsManyDigitsAsItsValueWithoutALeadingZeroAsInFlink() throws SqlParseException {
    assertThat(typeOf("SELECT 0.908 FROM T")).isEqualTo("DECIMAL(3, 3) NOT NULL");
    assertThat(typeOf("SELECT 0.05 FROM T")).isEqualTo("DECIMAL(2, 2) NOT NULL");
    assertThat(typeOf("SELECT 12.5 FROM T")).isEqualTo("DECIMAL(3, 1) NOT NULL");
    assertThat(typeOf("SELECT 100.250 FROM T")).isEqualTo("DECIMAL(6, 3) NOT NULL");
  }

  @Test
  void decimalRulesCapAt38DigitsKeepingTheIntegerPart() {
    assertThat(LogicalTypeMerging.findMultiplicationDecimalType(30, 10, 30, 10).asSummaryString())
        .isEqualTo("DECIMAL(38, 6)");
    assertThat(LogicalTypeMerging.findMultiplicationDecimalType(30, 20, 30, 20).asSummaryString())
        .isEqualTo("DECIMAL(38, 17)");
    assertThat(LogicalTypeMerging.findDivisionDecimalType(30, 20, 30, 20).asSummaryString())
        .isEqualTo("DECIMAL(38, 8)");
    assertThat(LogicalTypeMerging.adjustPrecisionScale(38, 10).asSummaryString()).isEqualTo("DECIMAL(38, 10)");
    assertThat(LogicalTypeMerging.adjustPrecisionScale(50, 20).asSummaryString()).isEqualTo("DECIMAL(38, 8)");
    assertThat(LogicalTypeMerging.adjustPrecisionScale(77, 20).asSummaryString()).isEqualTo("DECIMAL(38, 6)");
    assertThat(LogicalTypeMerging.adjustPrecisionScale(45, 3).asSummaryString()).isEqualTo("DECIMAL(38, 3)");
    assertThat(LogicalTypeMerging.findDivisionDecimalType(38, 2, 38, 2).asSummaryString())
        .isEqualTo("DECIMAL(38, 6)");
  }

  @Test
  void unionOfStringsOfDifferentLengthsIsVarying() throws SqlParseException {
    assertThat(typeOf("SELECT 'a' FROM T UNION ALL SELECT 'abc' FROM T")).isEqualTo("VARCHAR(3) NOT NULL");
  }

  /** The summary string of the single column {@code sql} returns. */
  private String typeOf(String sql) throws SqlParseException {
    CalciteSchema root = CalciteSchema.createRootSchema(false, false);
    RowType tableType = (RowType) parse(TABLE_TYPE);
    root.add("T", new AbstractTable() {
      @Override
      public RelDataType getRowType(RelDataTypeFactory factory) {
        return ((SpateTypeFactory) factory).buildRelNodeRowType(tableType);
      }
    });
    Properties properties = new Properties();
    properties.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "true");
    CalciteCatalogReader catalogReader = new CalciteCatalogReader(
        root, List.of(), typeFactory, new CalciteConnectionConfigImpl(properties));
    SqlValidator validator = SqlValidatorUtil.newValidator(
        SqlStdOperatorTable.instance(), catalogReader, typeFactory, SqlValidator.Config.DEFAULT);
    SqlNode query = SqlParser.create(sql, SqlParser.config().withLex(Lex.JAVA)).parseQuery();
    RelDataType rowType = validator.getValidatedNodeType(validator.validate(DecimalLiterals.rewrite(query)));
    assertThat(rowType.getFieldCount()).isEqualTo(1);
    return SpateTypeFactory.toLogicalType(rowType.getFieldList().get(0).getType()).asSummaryString();
  }
}
