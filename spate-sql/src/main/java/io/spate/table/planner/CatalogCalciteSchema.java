package io.spate.table.planner;

import io.spate.table.catalog.CatalogBaseTable;
import io.spate.table.catalog.CatalogManager;
import io.spate.table.catalog.CatalogTable;
import io.spate.table.catalog.CatalogView;
import io.spate.table.catalog.ObjectIdentifier;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.calcite.rel.type.RelProtoDataType;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * The session's catalogs as Calcite sees them: the root holds one schema per catalog, a catalog one
 * per database, and a database its tables and views, read from the {@link CatalogManager} when
 * Calcite asks (so a query always sees the catalog as it is).
 */
final class CatalogCalciteSchema extends AbstractSchema {

  private final CatalogManager catalogs;
  private final SqlPlanner planner;
  private final String catalog;
  private final String database;

  private CatalogCalciteSchema(CatalogManager catalogs, SqlPlanner planner, String catalog, String database) {
    this.catalogs = catalogs;
    this.planner = planner;
    this.catalog = catalog;
    this.database = database;
  }

  /** The root: one sub-schema per catalog. */
  static CatalogCalciteSchema root(CatalogManager catalogs, SqlPlanner planner) {
    return new CatalogCalciteSchema(catalogs, planner, null, null);
  }

  @Override
  protected Map<String, Schema> getSubSchemaMap() {
    Map<String, Schema> schemas = new LinkedHashMap<>();
    if (catalog == null) {
      for (String name : catalogs.listCatalogs()) {
        schemas.put(name, new CatalogCalciteSchema(catalogs, planner, name, null));
      }
    } else if (database == null) {
      for (String name : catalogs.listDatabasesOf(catalog)) {
        schemas.put(name, new CatalogCalciteSchema(catalogs, planner, catalog, name));
      }
    }
    return schemas;
  }

  @Override
  protected Map<String, Table> getTableMap() {
    Map<String, Table> tables = new LinkedHashMap<>();
    if (database == null) {
      return tables;
    }
    for (String name : catalogs.listTablesOf(catalog, database)) {
      ObjectIdentifier id = ObjectIdentifier.of(catalog, database, name);
      CatalogBaseTable table = catalogs.getTable(id).orElseThrow();
      if (table instanceof CatalogTable catalogTable) {
        tables.put(name, new CatalogCalciteTable(catalogTable));
      } else {
        tables.put(name, new ViewCalciteTable((CatalogView) table));
      }
    }
    return tables;
  }

  /** Flink's type names that Calcite does not know: {@code STRING} and {@code BYTES}, usable in CAST. */
  @Override
  protected Map<String, RelProtoDataType> getTypeMap() {
    if (catalog != null) {
      return Map.of();
    }
    return Map.of(
        "STRING", factory -> factory.createTypeWithNullability(
            factory.createSqlType(SqlTypeName.VARCHAR, Integer.MAX_VALUE), true),
        "BYTES", factory -> factory.createTypeWithNullability(
            factory.createSqlType(SqlTypeName.VARBINARY, Integer.MAX_VALUE), true));
  }

  @Override
  public boolean isMutable() {
    return false;
  }
}
