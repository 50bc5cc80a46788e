package io.spate.table.api.internal;

import io.spate.api.annotation.Internal;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.MapFunction;
import io.spate.api.typeinfo.CompositeTypeInfo;
import io.spate.api.typeinfo.FieldAccessor;
import io.spate.api.typeinfo.RowTypeInfo;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.types.Row;
import io.spate.table.api.EnvironmentSettings;
import io.spate.table.api.ExplainDetail;
import io.spate.table.api.Table;
import io.spate.table.functions.UserDefinedFunction;
import io.spate.table.api.TableConfig;
import io.spate.table.api.TableDescriptor;
import io.spate.table.api.TableResult;
import io.spate.table.api.bridge.java.StreamTableEnvironment;
import io.spate.table.runtime.typeutils.TypeInfos;
import io.spate.table.types.logical.RowType;
import java.util.ArrayList;
import java.util.List;

/** Spate's {@link StreamTableEnvironment}: a {@link TableEnvironmentImpl} whose conversions build into one program. */
@Internal
public final class StreamTableEnvironmentImpl implements StreamTableEnvironment {

  private final StreamExecutionEnvironment env;
  private final TableEnvironmentImpl tables;

  private StreamTableEnvironmentImpl(StreamExecutionEnvironment env) {
    this.env = env;
    this.tables = TableEnvironmentImpl.create(EnvironmentSettings.inStreamingMode());
    this.tables.getConfig().getConfiguration().addAll(env.getConfiguration());
  }

  /** A table environment joined to {@code env}. */
  public static StreamTableEnvironmentImpl create(StreamExecutionEnvironment env) {
    return new StreamTableEnvironmentImpl(env);
  }

  @Override
  public <T> Table fromDataStream(DataStream<T> stream) {
    String name = tables.unnamedTableName();
    createTemporaryView(name, stream);
    return tables.from("`" + name.replace("`", "``") + "`");
  }

  @Override
  public <T> void createTemporaryView(String path, DataStream<T> stream) {
    TypeInformation<T> type = stream.getType();
    RowType rowType = TypeInfos.toRowType(type);
    DataStream<Row> rows;
    if (type instanceof RowTypeInfo) {
      @SuppressWarnings("unchecked")
      DataStream<Row> same = (DataStream<Row>) stream;
      rows = same;
    } else {
      rows = stream.map(new ToRow<>(type), TypeInfos.ofRow(rowType)).name("To rows");
    }
    tables.registerDataStream(path, rows, rowType);
  }

  @Override
  public DataStream<Row> toDataStream(Table table) {
    return tables.toStream(env, table, true);
  }

  @Override
  public DataStream<Row> toChangelogStream(Table table) {
    return tables.toStream(env, table, false);
  }

  /** A record of the stream as a row: its fields, or the record itself as the one field. */
  private static final class ToRow<T> implements MapFunction<T, Row> {
    private static final long serialVersionUID = 1L;
    private final List<FieldAccessor<T, Object>> fields;

    ToRow(TypeInformation<T> type) {
      List<FieldAccessor<T, Object>> accessors = new ArrayList<>();
      if (type instanceof CompositeTypeInfo<T> composite) {
        for (String name : composite.getFieldNames()) {
          accessors.add(composite.fieldAccessor(name));
        }
      }
      this.fields = accessors.isEmpty() ? null : accessors;
    }

    @Override
    public Row map(T value) {
      if (fields == null) {
        return Row.of(value);
      }
      Row row = new Row(fields.size());
      for (int i = 0; i < fields.size(); i++) {
        row.setField(i, fields.get(i).get(value));
      }
      return row;
    }
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
}
