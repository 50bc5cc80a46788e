package io.spate.table.planner;

import io.spate.api.annotation.Internal;
import io.spate.table.api.SqlParserException;
import io.spate.table.api.ValidationException;
import io.spate.table.catalog.CatalogManager;
import io.spate.table.catalog.CatalogTable;
import io.spate.table.catalog.ObjectIdentifier;
import io.spate.table.catalog.FunctionCatalog;
import io.spate.table.parse.FlinkTypeSyntax;
import io.spate.table.parse.SqlStatementParser;
import io.spate.table.parse.SqlText;
import io.spate.table.planner.calcite.DecimalLiterals;
import io.spate.table.planner.calcite.SpateRexBuilder;
import io.spate.table.planner.calcite.SpateTypeCoercion;
import io.spate.table.planner.calcite.SpateTypeFactory;
import io.spate.table.planner.calcite.SpateTypeSystem;
import io.spate.table.planner.codegen.ConstantFolder;
import io.spate.table.types.logical.LogicalType;
import io.spate.table.types.logical.utils.LogicalTypeCasts;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.ArrayList;
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
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.prepare.RelOptTableImpl;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.sql.type.SqlTypeUtil;
import com.google.common.collect.ImmutableList;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperatorTable;
import io.spate.table.planner.functions.FlinkFunctions;
import io.spate.table.planner.functions.JsonFunctionTypes;
import io.spate.table.planner.functions.TimeAttributeCasts;
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

  /**
   * The root schema that holds the target of the INSERT being planned with only its persisted columns, apart
   * from the catalogs, where a query reading the same table finds all of its columns.
   */
  private static final String INSERT_TARGETS = "$insert-target";

  private final FunctionCatalog functions;
  private final CatalogManager catalogs;
  private final SpateTypeFactory typeFactory = new SpateTypeFactory(SpateTypeSystem.INSTANCE);
  private final RexBuilder rexBuilder = new SpateRexBuilder(typeFactory);
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
    return toRel(node, null);
  }

  /** {@link #toRel(SqlNode)}, with {@code insertTarget} (or null) under {@link #INSERT_TARGETS} for an INSERT. */
  private RelRoot toRel(SqlNode node, CatalogTable insertTarget) {
    CalciteCatalogReader catalogReader = catalogReader(insertTarget);
    SqlValidator validator = validator(catalogReader);
    SqlNode validated = validate(validator, node);
    SqlToRelConverter converter = new SqlToRelConverter(this, validator, catalogReader, cluster,
        TimeAttributeCasts.CONVERTLETS, SqlToRelConverter.config().withTrimUnusedFields(false).withExpand(false));
    return converter.convertQuery(validated, false, true);
  }

  private static SqlNode validate(SqlValidator validator, SqlNode node) {
    try {
      return validator.validate(WindowSqlRewriter.rewrite(DecimalLiterals.rewrite(
          JsonFunctionTypes.rewrite(io.spate.table.planner.functions.CollectionCallChecks.check(node)))));
    } catch (CalciteContextException e) {
      throw new ValidationException(validationMessage(e), e);
    }
  }

  /**
   * Parses, validates and converts {@code query}. An {@code INSERT} into a table writes its persisted columns, as
   * in Flink: the query gives the physical and not {@code VIRTUAL} metadata columns in order, and a query whose
   * columns do not fit fails with Flink's message, which shows both schemas.
   */
  public RelRoot toRel(SqlText query) {
    SqlNode node = parse(query);
    if (!(node instanceof SqlInsert insert) || !(insert.getTargetTable() instanceof SqlIdentifier target)) {
      return toRel(node);
    }
    CatalogTable table = target.names.size() > 3 ? null
        : catalogs.getTable(catalogs.qualify(target.names)).filter(CatalogTable.class::isInstance)
            .map(CatalogTable.class::cast).orElse(null);
    if (table == null) {
      return toRel(node);
    }
    ObjectIdentifier id = table.getIdentifier();
    insert.setOperand(1, new SqlIdentifier(List.of(INSERT_TARGETS, id.getCatalogName(), id.getDatabaseName(),
        id.getObjectName()), target.getParserPosition()));
    ValidationException mismatch = sinkMismatch(query, table, insert.getTargetColumnList());
    if (mismatch != null) {
      throw mismatch;
    }
    return toRel(insert, table);
  }

  /**
   * Flink's error for an INSERT (of {@code text}) whose query does not give the persisted columns of {@code table}
   * (or the columns of its {@code columnList}, if it has one): another number of columns, or a column of a type
   * that has no implicit cast into the sink column's ({@link LogicalTypeCasts#supportsImplicitCastIntoSink}: a
   * string is not written into a number column, nor a BIGINT into an INT one); null if the query's columns fit,
   * or if the query or the column list itself is invalid, so that the validator's own message stands.
   */
  private ValidationException sinkMismatch(SqlText text, CatalogTable table, SqlNodeList columnList) {
    RelDataType queryType;
    try {
      SqlValidator validator = validator(catalogReader(null));
      SqlNode source = validate(validator, ((SqlInsert) parse(text)).getSource());
      queryType = validator.getValidatedNodeType(source);
    } catch (RuntimeException e) {
      return null; // the query itself is invalid: that error says more
    }
    RelDataType persisted = typeFactory.buildRelNodeRowType(table.getPersistedRowType());
    List<RelDataTypeField> targets = columnList == null ? persisted.getFieldList() : listedColumns(persisted, columnList);
    if (targets == null) {
      return null; // a column the table lacks, or one listed twice: the validator names it
    }
    RelDataType sinkType = typeFactory.createStructType(targets.stream().map(RelDataTypeField::getType).toList(),
        targets.stream().map(RelDataTypeField::getName).toList());
    String cause = null;
    if (queryType.getFieldCount() != sinkType.getFieldCount()) {
      cause = "Different number of columns.";
    } else {
      for (int i = 0; i < targets.size() && cause == null; i++) {
        RelDataTypeField sink = targets.get(i);
        if (!implicitCastIntoSink(queryType.getFieldList().get(i).getType(), sink.getType())) {
          cause = "Incompatible types for sink column '" + sink.getName() + "' at position " + sink.getIndex() + ".";
        }
      }
    }
    return cause == null ? null : new ValidationException("Column types of query result and sink for '"
        + table.getIdentifier().asSummaryString() + "' do not match.\nCause: " + cause + "\n\nQuery schema: "
        + schemaText(queryType) + "\nSink schema:  " + schemaText(sinkType));
  }

  /** The columns of {@code persisted} that {@code columnList} names, in its order; null if one is unknown or repeated. */
  private static List<RelDataTypeField> listedColumns(RelDataType persisted, SqlNodeList columnList) {
    List<RelDataTypeField> listed = new ArrayList<>();
    for (SqlNode column : columnList) {
      RelDataTypeField field = column instanceof SqlIdentifier id && id.isSimple()
          ? persisted.getField(id.getSimple(), true, false) : null;
      if (field == null || listed.contains(field)) {
        return null;
      }
      listed.add(field);
    }
    return listed;
  }

  private static boolean implicitCastIntoSink(RelDataType query, RelDataType sink) {
    LogicalType from;
    try {
      from = SpateTypeFactory.toLogicalType(query);
    } catch (ValidationException e) {
      return SqlTypeUtil.canAssignFrom(sink, query); // a type of the planner's own, such as a SYMBOL
    }
    return LogicalTypeCasts.supportsImplicitCastIntoSink(from, SpateTypeFactory.toLogicalType(sink));
  }

  /** A row type as Flink's schema mismatch shows it: {@code [name: TYPE, ...]}. */
  private static String schemaText(RelDataType rowType) {
    StringBuilder text = new StringBuilder("[");
    for (RelDataTypeField field : rowType.getFieldList()) {
      String type;
      try {
        type = SpateTypeFactory.toLogicalType(field.getType()).asSummaryString();
      } catch (ValidationException e) {
        type = field.getType().getFullTypeString();
      }
      text.append(text.length() == 1 ? "" : ", ").append(field.getName()).append(": ").append(type);
    }
    return text.append(']').toString();
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
    plan = io.spate.table.planner.translate.GroupingSetsRewrite.rewrite(plan);
    plan = io.spate.table.planner.translate.WindowInputPruning.rewrite(plan);
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
    return catalogReader(null);
  }

  /** The session's catalogs and, if {@code insertTarget} is not null, that table's persisted columns under {@link #INSERT_TARGETS}. */
  private CalciteCatalogReader catalogReader(CatalogTable insertTarget) {
    CalciteSchema root = CalciteSchema.createRootSchema(false, false, "", CatalogCalciteSchema.root(catalogs, this));
    if (insertTarget != null) {
      ObjectIdentifier id = insertTarget.getIdentifier();
      root.add(INSERT_TARGETS, new NestedSchema(id.getCatalogName(), new NestedSchema(id.getDatabaseName(),
          id.getObjectName(), CatalogCalciteTable.insertTarget(insertTarget))));
    }
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

    /** An INSERT's target under its own name, so that plans show the table's name rather than the hidden schema's. */
    @Override
    public Prepare.PreparingTable getTable(List<String> names) {
      Prepare.PreparingTable table = super.getTable(names);
      if (table != null && names.size() == 4 && names.get(0).equals(INSERT_TARGETS)) {
        return RelOptTableImpl.create(this, table.getRowType(), ImmutableList.copyOf(names.subList(1, 4)),
            table.unwrap(Table.class), clazz -> null);
      }
      return table;
    }
  }

  /** A schema of one sub-schema or one table, to place an INSERT's target under {@link #INSERT_TARGETS}. */
  private static final class NestedSchema extends AbstractSchema {
    private final Map<String, Schema> schemas;
    private final Map<String, Table> tables;

    NestedSchema(String name, Schema schema) {
      this.schemas = Map.of(name, schema);
      this.tables = Map.of();
    }

    NestedSchema(String name, String tableName, Table table) {
      this.schemas = Map.of(name, new NestedSchema(tableName, table));
      this.tables = Map.of();
    }

    private NestedSchema(String tableName, Table table) {
      this.schemas = Map.of();
      this.tables = Map.of(tableName, table);
    }

    @Override
    protected Map<String, Schema> getSubSchemaMap() {
      return schemas;
    }

    @Override
    protected Map<String, Table> getTableMap() {
      return tables;
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
