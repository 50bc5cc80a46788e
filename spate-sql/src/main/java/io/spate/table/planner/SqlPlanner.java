package io.spate.table.planner;

import io.spate.api.annotation.Internal;
import io.spate.table.api.SqlParserException;
import io.spate.table.api.ValidationException;
import io.spate.table.catalog.CatalogManager;
import io.spate.table.catalog.FunctionCatalog;
import io.spate.table.parse.FlinkTypeSyntax;
import io.spate.table.parse.SqlStatementParser;
import io.spate.table.parse.SqlText;
import io.spate.table.planner.calcite.DecimalLiterals;
import io.spate.table.planner.calcite.SpateTypeFactory;
import io.spate.table.planner.calcite.SpateTypeSystem;
import io.spate.table.planner.calcite.SpateTypeCoercion;
import io.spate.table.planner.codegen.ConstantFolder;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.config.Lex;
import org.apache.calcite.config.NullCollation;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorTable;
import io.spate.table.planner.functions.FlinkFunctions;
import io.spate.table.planner.functions.JsonFunctionTypes;
import io.spate.table.planner.functions.UserFunctionOperatorTable;
import io.spate.table.planner.functions.WindowSqlRewriter;
import io.spate.table.planner.functions.WindowTableFunctions;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlConformance;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlDelegatingConformance;
import org.apache.calcite.sql.validate.SqlNameMatchers;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.sql2rel.StandardConvertletTable;

/**
 * Turns SQL text into relational plans with Calcite: parses it (Flink's lexical rules: back quotes,
 * case-sensitive names), validates it against the session's catalogs, converts it into relational
 * algebra and rewrites that with Calcite's rules. Errors name the line and column of the script.
 */
@Internal
public final class SqlPlanner implements RelOptTable.ViewExpander {

  /** Flink's lexical rules and the conformance its users write in. */
  static final SqlParser.Config PARSER_CONFIG = SqlParser.config()
      .withLex(Lex.JAVA)
      .withConformance(SpateConformance.INSTANCE)
      .withIdentifierMaxLength(256);

  private static final HepProgram LOGICAL_REWRITES = new HepProgramBuilder()
      // OVER aggregates (and ROW_NUMBER of Top-N) move out of projections into a window node first.
      .addRuleInstance(CoreRules.PROJECT_TO_LOGICAL_PROJECT_AND_WINDOW)
      .addRuleInstance(CoreRules.FILTER_PROJECT_TRANSPOSE)
      .addRuleInstance(CoreRules.FILTER_INTO_JOIN)
      .addRuleInstance(CoreRules.FILTER_MERGE)
      .addRuleInstance(CoreRules.PROJECT_MERGE)
      .addRuleInstance(CoreRules.PROJECT_REMOVE)
      .addRuleInstance(CoreRules.FILTER_REDUCE_EXPRESSIONS)
      .addRuleInstance(CoreRules.PROJECT_REDUCE_EXPRESSIONS)
      .addRuleInstance(CoreRules.UNION_MERGE)
      .build();

  private final FunctionCatalog functions;
  private final CatalogManager catalogs;
  private final SpateTypeFactory typeFactory = new SpateTypeFactory(SpateTypeSystem.INSTANCE);
  private final RexBuilder rexBuilder = new RexBuilder(typeFactory);
  private final RelOptCluster cluster = RelOptCluster.create(new HepPlanner(HepProgram.builder().build()), rexBuilder);

  /** A planner over the session's {@code catalogs} and user {@code functions}; constants fold in the time zone {@code zone} gives. */
  public SqlPlanner(CatalogManager catalogs, FunctionCatalog functions, Supplier<ZoneId> zone) {
    this.catalogs = catalogs;
    this.functions = functions;
    cluster.getPlanner().setExecutor(new ConstantFolder(zone));
  }

  /** The type factory of this planner's plans. */
  public SpateTypeFactory typeFactory() {
    return typeFactory;
  }

  /** The expression builder of this planner's plans. */
  public RexBuilder rexBuilder() {
    return rexBuilder;
  }

  /** Parses {@code text}, a query or an {@code INSERT}, with Calcite's parser. */
  public SqlNode parse(SqlText text) {
    try {
      return SqlParser.create(FlinkTypeSyntax.toCalcite(SqlStatementParser.quoteFlinkNames(text.atScriptPosition())),
          PARSER_CONFIG).parseStmt();
    } catch (SqlParseException e) {
      throw new SqlParserException(parseMessage(e), e);
    }
  }

  /** Parses an expression (of a computed column or a watermark) with Calcite's parser. */
  public SqlNode parseExpression(SqlText text) {
    try {
      return SqlParser.create(FlinkTypeSyntax.toCalcite(SqlStatementParser.quoteFlinkNames(text.atScriptPosition())),
          PARSER_CONFIG)
          .parseExpression();
    } catch (SqlParseException e) {
      throw new SqlParserException(parseMessage(e), e);
    }
  }

  /** Validates {@code node} against the catalogs and converts it into a relational plan. */
  public RelRoot toRel(SqlNode node) {
    CalciteCatalogReader catalogReader = catalogReader();
    SqlValidator validator = validator(catalogReader);
    SqlNode validated;
    try {
      validated = validator.validate(WindowSqlRewriter.rewrite(DecimalLiterals.rewrite(
          JsonFunctionTypes.rewrite(io.spate.table.planner.functions.CollectionCallChecks.check(node)))));
    } catch (CalciteContextException e) {
      throw new ValidationException(validationMessage(e), e);
    }
    SqlToRelConverter converter = new SqlToRelConverter(this, validator, catalogReader, cluster,
        StandardConvertletTable.INSTANCE, SqlToRelConverter.config().withTrimUnusedFields(false).withExpand(false));
    return converter.convertQuery(validated, false, true);
  }

  /** Parses, validates and converts {@code query}. */
  public RelRoot toRel(SqlText query) {
    return toRel(parse(query));
  }

  /**
   * The expression {@code text} over rows of {@code inputType} (its fields by name), validated and
   * converted: for computed columns and watermarks.
   */
  public RexNode toRex(SqlText text, RelDataType inputType) {
    SqlNode expression = parseExpression(text);
    CalciteCatalogReader catalogReader = catalogReader();
    SqlValidator validator = validator(catalogReader);
    Map<String, RelDataType> fieldTypes = new LinkedHashMap<>();
    Map<String, RexNode> fieldRefs = new LinkedHashMap<>();
    for (RelDataTypeField field : inputType.getFieldList()) {
      fieldTypes.put(field.getName(), field.getType());
      fieldRefs.put(field.getName(), rexBuilder.makeInputRef(field.getType(), field.getIndex()));
    }
    SqlNode validated;
    try {
      validated = validator.validateParameterizedExpression(DecimalLiterals.rewrite(expression), fieldTypes);
    } catch (CalciteContextException e) {
      throw new ValidationException(validationMessage(e), e);
    }
    SqlToRelConverter converter = new SqlToRelConverter(this, validator, catalogReader, cluster,
        StandardConvertletTable.INSTANCE, SqlToRelConverter.config());
    return converter.convertExpression(validated, fieldRefs);
  }

  /** {@code plan} rewritten with Calcite's logical rules: filters pushed down, projections merged, constants folded. */
  public RelNode rewrite(RelNode plan) {
    plan = UpsertSourceNormalization.apply(plan);
    plan = io.spate.table.planner.translate.TableAggregateRewrite.rewrite(plan);
    HepPlanner planner = new HepPlanner(LOGICAL_REWRITES);
    planner.setRoot(JoinRewrites.apply(plan));
    return io.spate.table.planner.translate.LookupJoins.rewrite(planner.findBestExp());
  }

  @Override
  public RelRoot expandView(RelDataType rowType, String queryString, List<String> schemaPath,
      List<String> viewPath) {
    return toRel(new SqlText(queryString, 1, 1));
  }

  private CalciteCatalogReader catalogReader() {
    CalciteSchema root = CalciteSchema.createRootSchema(false, false, "", CatalogCalciteSchema.root(catalogs, this));
    Properties properties = new Properties();
    properties.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "true");
    CalciteConnectionConfig config = new CalciteConnectionConfigImpl(properties);
    List<List<String>> paths = List.of(
        List.of(catalogs.getCurrentCatalog(), catalogs.getCurrentDatabase()),
        List.of(catalogs.getCurrentCatalog()),
        List.of());
    return new SpateCatalogReader(root, paths, typeFactory, config);
  }

  private SqlValidator validator(CalciteCatalogReader catalogReader) {
    SqlOperatorTable operators = SqlOperatorTables.chain(JsonFunctionTypes.table(),
        UserFunctionOperatorTable.systemFunctions(functions),
        WindowTableFunctions.standardOperators(), FlinkFunctions.table(),
        UserFunctionOperatorTable.catalogFunctions(functions), catalogReader);
    return SqlValidatorUtil.newValidator(operators, catalogReader, typeFactory, SqlValidator.Config.DEFAULT
        .withIdentifierExpansion(true)
        .withConformance(SpateConformance.INSTANCE)
        .withDefaultNullCollation(NullCollation.LOW)
        .withCallRewrite(true)
        .withTypeCoercionFactory(SpateTypeCoercion::new));
  }

  /** Calcite's parse error without its list of every token it would have taken. */
  private static String parseMessage(SqlParseException e) {
    String message = e.getMessage();
    int expecting = message.indexOf("Was expecting");
    String head = (expecting > 0 ? message.substring(0, expecting) : message).trim();
    if (e.getExpectedTokenNames() != null && !e.getExpectedTokenNames().isEmpty() && expecting > 0) {
      List<String> expected = e.getExpectedTokenNames().stream().map(String::trim).sorted().limit(12).toList();
      head += " Expected one of: " + String.join(", ", expected)
          + (e.getExpectedTokenNames().size() > expected.size() ? ", ..." : "");
    }
    return "SQL parse failed. " + head;
  }

  private static String validationMessage(CalciteContextException e) {
    String message = e.getMessage();
    return message == null ? "SQL validation failed" : "SQL validation failed. " + message;
  }

  /** Calcite's catalog reader, searching the current database, then the current catalog, then the root. */
  private static final class SpateCatalogReader extends CalciteCatalogReader {
    SpateCatalogReader(CalciteSchema root, List<List<String>> paths, SpateTypeFactory typeFactory,
        CalciteConnectionConfig config) {
      super(root, SqlNameMatchers.withCaseSensitive(true), paths, typeFactory, config);
    }
  }

  /** Flink's SQL conformance: Calcite's default, with {@code !=} and {@code %} allowed. */
  static final class SpateConformance extends SqlDelegatingConformance {
    static final SqlConformance INSTANCE = new SpateConformance();

    private SpateConformance() {
      super(SqlConformanceEnum.DEFAULT);
    }

    @Override
    public boolean isBangEqualAllowed() {
      return true;
    }

    @Override
    public boolean isPercentRemainderAllowed() {
      return true;
    }

    @Override
    public boolean isSortByOrdinal() {
      return true;
    }
  }
}
