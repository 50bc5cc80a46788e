package io.spate.table.api.internal;

import io.spate.api.annotation.Internal;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.typeinfo.RowTypeInfo;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import io.spate.table.api.EnvironmentSettings;
import io.spate.table.api.ExplainDetail;
import io.spate.table.api.Schema;
import io.spate.table.api.Table;
import io.spate.table.api.TableConfig;
import io.spate.table.api.TableDescriptor;
import io.spate.table.api.TableResult;
import io.spate.table.api.ValidationException;
import io.spate.table.api.bridge.java.StreamStatementSet;
import io.spate.table.api.bridge.java.StreamTableEnvironment;
import io.spate.table.connector.ChangelogMode;
import io.spate.table.expressions.Expression;
import io.spate.table.runtime.typeutils.TypeInfos;
import io.spate.table.functions.UserDefinedFunction;
import io.spate.table.runtime.operators.UpdateBeforeFilter;
import io.spate.table.catalog.ResolvedSchema;
import io.spate.table.types.DataType;
import io.spate.table.types.logical.RowType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Spate's {@link StreamTableEnvironment}: a {@link TableEnvironmentImpl} whose conversions build into one program. */
@Internal
public final class StreamTableEnvironmentImpl implements StreamTableEnvironment {

  private final StreamExecutionEnvironment env;
  private final TableEnvironmentImpl tables;

  private StreamTableEnvironmentImpl(StreamExecutionEnvironment env, EnvironmentSettings settings) {
    this.env = env;
    this.tables = TableEnvironmentImpl.create(settings);
    this.tables.getConfig().getConfiguration().addAll(env.getConfiguration());
  }

  /** A table environment joined to {@code env}. */
  public static StreamTableEnvironmentImpl create(StreamExecutionEnvironment env) {
    return new StreamTableEnvironmentImpl(env, EnvironmentSettings.inStreamingMode());
  }

  /** A table environment with {@code settings} joined to {@code env}. */
  public static StreamTableEnvironmentImpl create(StreamExecutionEnvironment env, EnvironmentSettings settings) {
    return new StreamTableEnvironmentImpl(env, settings);
  }

  @Override
  public <T> Table fromDataStream(DataStream<T> stream) {
    return fromDataStream(stream, Schema.derived());
  }

  @Override
  public <T> Table fromDataStream(DataStream<T> stream, Schema schema) {
    return unnamed(name -> tables.registerDataStream(name, stream, schema, ChangelogMode.insertOnly()));
  }

  @Override
  public <T> void createTemporaryView(String path, DataStream<T> stream) {
    createTemporaryView(path, stream, Schema.derived());
  }

  @Override
  public <T> void createTemporaryView(String path, DataStream<T> stream, Schema schema) {
    tables.registerDataStream(path, stream, schema, ChangelogMode.insertOnly());
  }

  @Override
  public <T> Table fromDataStream(DataStream<T> stream, Expression... fields) {
    DataStreamFieldExpressions.Mapping mapping = fieldMapping(stream, fields);
    String name = "`" + tables.unnamedTableName().replace("`", "``") + "`";
    tables.registerDataStream(name, stream, mapping.schema(), ChangelogMode.insertOnly());
    return tables.sqlQuery("SELECT " + mapping.selectList() + " FROM " + name);
  }

  @Override
  public <T> void createTemporaryView(String path, DataStream<T> stream, Expression... fields) {
    tables.createTemporaryView(path, fromDataStream(stream, fields));
  }

  private static DataStreamFieldExpressions.Mapping fieldMapping(DataStream<?> stream, Expression... fields) {
    TypeInformation<?> type = stream.getType();
    if (type.getTypeClass() == Row.class && !(type instanceof RowTypeInfo)) {
      throw new ValidationException("fromDataStream(stream, Expression...) needs to know the fields of the stream's"
          + " rows (" + type + "): give the stream a RowTypeInfo (Types.ROW_NAMED), or declare the columns with a Schema");
    }
    return DataStreamFieldExpressions.of(type, TypeInfos.toRowType(type), fields);
  }

  @Override
  public Table fromChangelogStream(DataStream<Row> stream) {
    return fromChangelogStream(stream, Schema.derived());
  }

  @Override
  public Table fromChangelogStream(DataStream<Row> stream, Schema schema) {
    return fromChangelogStream(stream, schema, ChangelogMode.all());
  }

  @Override
  public Table fromChangelogStream(DataStream<Row> stream, Schema schema, ChangelogMode changelogMode) {
    if (changelogMode.contains(RowKind.UPDATE_AFTER) && !changelogMode.contains(RowKind.UPDATE_BEFORE)
        && schema.getPrimaryKey().isEmpty()) {
      throw new ValidationException("A changelog stream in upsert mode " + changelogMode + " needs a primary key:"
          + " declare it with Schema.newBuilder().primaryKey(...)");
    }
    return unnamed(name -> tables.registerDataStream(name, stream, schema, changelogMode));
  }

  /** Registers a DataStream under a generated name and gives it as a table. */
  private Table unnamed(Consumer<String> register) {
    String name = "`" + tables.unnamedTableName().replace("`", "``") + "`";
    register.accept(name);
    return tables.from(name);
  }

  @Override
  public DataStream<Row> toDataStream(Table table) {
    RowType type = resultType(table);
    return NamedRows.toExternal(tables.toStream(env, table, true), type);
  }

  /** The columns of {@code table}'s result as a row type. */
  private static RowType resultType(Table table) {
    ResolvedSchema schema = table.getResolvedSchema();
    List<RowType.RowField> fields = new ArrayList<>();
    for (int i = 0; i < schema.getColumnCount(); i++) {
      fields.add(new RowType.RowField(schema.getColumnNames().get(i), schema.getColumnTypes().get(i)));
    }
    return new RowType(false, fields);
  }

  @Override
  public <T> DataStream<T> toDataStream(Table table, Class<T> targetClass) {
    RowsToStreamRecords.Target<T> target = targetClass == Row.class ? null
        : RowsToStreamRecords.of(targetClass, table.getResolvedSchema());
    DataStream<Row> rows = toDataStream(table);
    if (target == null) {
      @SuppressWarnings("unchecked")
      DataStream<T> same = (DataStream<T>) rows;
      return same;
    }
    return rows.map(target.conversion(), target.type()).name("To " + targetClass.getSimpleName());
  }

  @Override
  public <T> DataStream<T> toDataStream(Table table, DataType targetDataType) {
    @SuppressWarnings("unchecked")
    Class<T> targetClass = (Class<T>) targetDataType.getConversionClass();
    return toDataStream(table, targetClass);
  }

  @Override
  public DataStream<Row> toChangelogStream(Table table) {
    RowType type = resultType(table);
    return NamedRows.toExternal(tables.toStream(env, table, false), type);
  }

  @Override
  public DataStream<Row> toChangelogStream(Table table, Schema targetSchema) {
    return toChangelogStream(table, targetSchema, ChangelogMode.all());
  }

  @Override
  public DataStream<Row> toChangelogStream(Table table, Schema targetSchema, ChangelogMode changelogMode) {
    ChangelogTargetSchema target = ChangelogTargetSchema.of(table.getResolvedSchema(), tables.rowtimeColumn(table),
        targetSchema, tables.getConfig().getLocalTimeZone());
    DataStream<Row> changes = tables.toStream(env, table, changelogMode.isInsertOnly());
    if (!changelogMode.contains(RowKind.UPDATE_BEFORE)) {
      changes = changes.filter(new UpdateBeforeFilter()).name("Drop update-before rows");
    }
    return NamedRows.toExternal(target.apply(changes), target.targetType());
  }

  // The TableEnvironment methods, on the joined environment's session.

  @Override
  public TableResult executeSql(String statement) {
    return tables.executeSql(statement);
  }

  @Override
  public Table sqlQuery(String query) {
    return tables.sqlQuery(query);
  }

  @Override
  public Table from(String path) {
    return tables.from(path);
  }

  @Override
  public Table from(TableDescriptor descriptor) {
    return tables.from(descriptor);
  }

  @Override
  public void createTemporaryTable(String path, TableDescriptor descriptor) {
    tables.createTemporaryTable(path, descriptor);
  }

  @Override
  public void createTable(String path, TableDescriptor descriptor) {
    tables.createTable(path, descriptor);
  }

  @Override
  public void createTemporaryView(String path, Table table) {
    tables.createTemporaryView(path, table);
  }

  @Override
  public String explainSql(String statement, ExplainDetail... extraDetails) {
    return tables.explainSql(statement, extraDetails);
  }

  @Override
  public TableConfig getConfig() {
    return tables.getConfig();
  }

  @Override
  public String[] listCatalogs() {
    return tables.listCatalogs();
  }

  @Override
  public String[] listDatabases() {
    return tables.listDatabases();
  }

  @Override
  public String[] listTables() {
    return tables.listTables();
  }

  @Override
  public String[] listViews() {
    return tables.listViews();
  }

  @Override
  public String getCurrentCatalog() {
    return tables.getCurrentCatalog();
  }

  @Override
  public String getCurrentDatabase() {
    return tables.getCurrentDatabase();
  }

  @Override
  public void useCatalog(String catalog) {
    tables.useCatalog(catalog);
  }

  @Override
  public void useDatabase(String database) {
    tables.useDatabase(database);
  }

  @Override
  public void createTemporarySystemFunction(String name, Class<? extends UserDefinedFunction> functionClass) {
    tables.createTemporarySystemFunction(name, functionClass);
  }

  @Override
  public void createTemporarySystemFunction(String name, UserDefinedFunction functionInstance) {
    tables.createTemporarySystemFunction(name, functionInstance);
  }

  @Override
  public void createTemporaryFunction(String path, Class<? extends UserDefinedFunction> functionClass) {
    tables.createTemporaryFunction(path, functionClass);
  }

  @Override
  public void createTemporaryFunction(String path, UserDefinedFunction functionInstance) {
    tables.createTemporaryFunction(path, functionInstance);
  }

  @Override
  public void createFunction(String path, Class<? extends UserDefinedFunction> functionClass) {
    tables.createFunction(path, functionClass);
  }

  @Override
  public void createFunction(String path, Class<? extends UserDefinedFunction> functionClass, boolean ignoreIfExists) {
    tables.createFunction(path, functionClass, ignoreIfExists);
  }

  @Override
  public boolean dropTemporarySystemFunction(String name) {
    return tables.dropTemporarySystemFunction(name);
  }

  @Override
  public boolean dropTemporaryFunction(String path) {
    return tables.dropTemporaryFunction(path);
  }

  @Override
  public boolean dropFunction(String path) {
    return tables.dropFunction(path);
  }

  @Override
  public String[] listUserDefinedFunctions() {
    return tables.listUserDefinedFunctions();
  }

  @Override
  public String[] listFunctions() {
    return tables.listFunctions();
  }

  @Override
  public StreamStatementSet createStatementSet() {
    return new StreamStatementSetImpl(tables, env);
  }

  @Override
  public boolean dropTemporaryTable(String path) {
    return tables.dropTemporaryTable(path);
  }

  @Override
  public boolean dropTemporaryView(String path) {
    return tables.dropTemporaryView(path);
  }

  @Override
  public boolean dropTable(String path) {
    return tables.dropTable(path);
  }

  @Override
  public boolean dropTable(String path, boolean ignoreIfNotExists) {
    return tables.dropTable(path, ignoreIfNotExists);
  }

  @Override
  public boolean dropView(String path) {
    return tables.dropView(path);
  }

  @Override
  public boolean dropView(String path, boolean ignoreIfNotExists) {
    return tables.dropView(path, ignoreIfNotExists);
  }

  @Override
  public String[] listTemporaryTables() {
    return tables.listTemporaryTables();
  }

  @Override
  public String[] listTemporaryViews() {
    return tables.listTemporaryViews();
  }

  @Override
  public void createView(String path, Table view) {
    tables.createView(path, view);
  }

  @Override
  public boolean createView(String path, Table view, boolean ignoreIfExists) {
    return tables.createView(path, view, ignoreIfExists);
  }

  @Override
  public boolean createTable(String path, TableDescriptor descriptor, boolean ignoreIfExists) {
    return tables.createTable(path, descriptor, ignoreIfExists);
  }
}
