package io.spate.table.catalog;

import io.spate.api.annotation.Internal;
import io.spate.table.api.ValidationException;
import io.spate.table.utils.NearestName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The session's catalogs: one in-memory catalog, {@code default_catalog}, with databases that hold
 * tables and views, and the session's temporary tables and views, which shadow permanent ones of
 * the same name. It resolves partial names against the current catalog and database.
 */
@Internal
public final class CatalogManager {

  /** The {@code connector} option of the tables that stand for a program's DataStream. */
  public static final String STREAM_CONNECTOR = "datastream";


  /** The name of the built-in in-memory catalog. */
  public static final String DEFAULT_CATALOG = "default_catalog";

  /** The name of the database every catalog starts with. */
  public static final String DEFAULT_DATABASE = "default_database";

  private final Map<String, Map<String, Database>> catalogs = new LinkedHashMap<>();
  private final Map<ObjectIdentifier, CatalogBaseTable> temporary = new LinkedHashMap<>();
  private String currentCatalog = DEFAULT_CATALOG;
  private String currentDatabase = DEFAULT_DATABASE;

  /** A database: its tables and views by name, and its comment. */
  private record Database(Map<String, CatalogBaseTable> tables, String comment) {}

  /** A manager with the default catalog and its default database. */
  public CatalogManager() {
    Map<String, Database> databases = new LinkedHashMap<>();
    databases.put(DEFAULT_DATABASE, new Database(new LinkedHashMap<>(), null));
    catalogs.put(DEFAULT_CATALOG, databases);
  }

  /** The current catalog's name. */
  public String getCurrentCatalog() {
    return currentCatalog;
  }

  /** The current database's name. */
  public String getCurrentDatabase() {
    return currentDatabase;
  }

  /** Makes {@code catalog} current; it must exist. */
  public void setCurrentCatalog(String catalog) {
    databasesOf(catalog);
    currentCatalog = catalog;
    currentDatabase = DEFAULT_DATABASE;
  }

  /** Makes {@code database} of the current catalog current; it must exist. */
  public void setCurrentDatabase(String database) {
    database(currentCatalog, database);
    currentDatabase = database;
  }

  /** The full identifier of a name of one to three parts, completed with the current catalog and database. */
  public ObjectIdentifier qualify(List<String> parts) {
    return switch (parts.size()) {
      case 1 -> ObjectIdentifier.of(currentCatalog, currentDatabase, parts.get(0));
      case 2 -> ObjectIdentifier.of(currentCatalog, parts.get(0), parts.get(1));
      case 3 -> ObjectIdentifier.of(parts.get(0), parts.get(1), parts.get(2));
      default -> throw new ValidationException("The name '" + String.join(".", parts) + "' has " + parts.size()
          + " parts; a name is [catalog.][database.]object");
    };
  }

  /** The table or view named {@code id}: a temporary one first, else a permanent one. */
  public Optional<CatalogBaseTable> getTable(ObjectIdentifier id) {
    CatalogBaseTable table = temporary.get(id);
    if (table != null) {
      return Optional.of(table);
    }
    Map<String, Database> databases = catalogs.get(id.getCatalogName());
    Database database = databases == null ? null : databases.get(id.getDatabaseName());
    return database == null ? Optional.empty() : Optional.ofNullable(database.tables().get(id.getObjectName()));
  }

  /** The table or view named {@code id}, or an error naming it and the nearest existing name. */
  public CatalogBaseTable getTableOrError(ObjectIdentifier id) {
    return getTable(id).orElseThrow(() -> new ValidationException("Table or view " + id.asSummaryString()
        + " does not exist" + suggestion(id)));
  }

  /** Whether {@code id} names a temporary table or view. */
  public boolean isTemporary(ObjectIdentifier id) {
    return temporary.containsKey(id);
  }

  /**
   * Registers {@code table} under its identifier. An existing object of that name is an error unless
   * {@code ignoreIfExists}; a temporary one may shadow a permanent one.
   */
  public void createTable(CatalogBaseTable table, boolean isTemporary, boolean ignoreIfExists) {
    ObjectIdentifier id = table.getIdentifier();
    boolean exists = isTemporary ? temporary.containsKey(id) : database(id).tables().containsKey(id.getObjectName());
    if (exists) {
      if (ignoreIfExists) {
        return;
      }
      throw new ValidationException((isTemporary ? "Temporary " : "") + kindOf(table) + " " + id.asSummaryString()
          + " already exists");
    }
    if (isTemporary) {
      database(id); // the database must exist
      temporary.put(id, table);
    } else {
      database(id).tables().put(id.getObjectName(), table);
    }
  }

  /** Replaces the existing table or view under {@code table}'s identifier (temporary or permanent). */
  public void alterTable(CatalogBaseTable table) {
    ObjectIdentifier id = table.getIdentifier();
    if (temporary.containsKey(id)) {
      temporary.put(id, table);
    } else if (database(id).tables().containsKey(id.getObjectName())) {
      database(id).tables().put(id.getObjectName(), table);
    } else {
      throw new ValidationException("Table or view " + id.asSummaryString() + " does not exist" + suggestion(id));
    }
  }

  /**
   * Drops the table ({@code view} false) or view named {@code id}. Dropping a temporary one needs
   * {@code isTemporary}, and a permanent one shadowed by a temporary one cannot be dropped, as in Flink.
   */
  public void dropTable(ObjectIdentifier id, boolean view, boolean isTemporary, boolean ignoreIfNotExists) {
    String kind = view ? "View" : "Table";
    CatalogBaseTable existing = isTemporary ? temporary.get(id) : permanent(id);
    if (existing == null) {
      if (!isTemporary && temporary.containsKey(id)) {
        throw new ValidationException(kind + " " + id.asSummaryString() + " is temporary: drop it with DROP TEMPORARY "
            + kind.toUpperCase(java.util.Locale.ROOT));
      }
      if (ignoreIfNotExists) {
        return;
      }
      throw new ValidationException((isTemporary ? "Temporary " : "") + kind + " " + id.asSummaryString()
          + " does not exist" + suggestion(id));
    }
    if (isView(existing) != view) {
      throw new ValidationException(id.asSummaryString() + " is a " + kindOf(existing).toLowerCase(java.util.Locale.ROOT)
          + ", not a " + kind.toLowerCase(java.util.Locale.ROOT) + ": use DROP " + kindOf(existing).toUpperCase(
              java.util.Locale.ROOT));
    }
    if (!isTemporary && temporary.containsKey(id)) {
      throw new ValidationException(kind + " " + id.asSummaryString() + " is shadowed by a temporary "
          + kind.toLowerCase(java.util.Locale.ROOT) + " of the same name: drop that one first");
    }
    if (isTemporary) {
      temporary.remove(id);
    } else {
      database(id).tables().remove(id.getObjectName());
    }
  }

  /** Creates database {@code name} in {@code catalog}. */
  public void createDatabase(String catalog, String name, String comment, boolean ignoreIfExists) {
    Map<String, Database> databases = databasesOf(catalog);
    if (databases.containsKey(name)) {
      if (ignoreIfExists) {
        return;
      }
      throw new ValidationException("Database " + catalog + "." + name + " already exists");
    }
    databases.put(name, new Database(new LinkedHashMap<>(), comment));
  }

  /** Drops database {@code name} of {@code catalog}; one that holds tables only with {@code cascade}. */
  public void dropDatabase(String catalog, String name, boolean ignoreIfNotExists, boolean cascade) {
    Map<String, Database> databases = databasesOf(catalog);
    Database database = databases.get(name);
    if (database == null) {
      if (ignoreIfNotExists) {
        return;
      }
      throw new ValidationException("Database " + catalog + "." + name + " does not exist");
    }
    if (catalog.equals(currentCatalog) && name.equals(currentDatabase)) {
      throw new ValidationException("Database " + catalog + "." + name + " is the current database and cannot be"
          + " dropped");
    }
    if (!database.tables().isEmpty() && !cascade) {
      throw new ValidationException("Database " + catalog + "." + name + " is not empty (" + database.tables().size()
          + " tables and views)");
    }
    databases.remove(name);
  }

  /** The names of the catalogs. */
  public List<String> listCatalogs() {
    return new ArrayList<>(new TreeSet<>(catalogs.keySet()));
  }

  /** The names of the current catalog's databases. */
  public List<String> listDatabases() {
    return new ArrayList<>(new TreeSet<>(databasesOf(currentCatalog).keySet()));
  }

  /** The names of the tables and views ({@code views} false) or of the views only, in the current database, sorted. */
  public List<String> listTables(boolean viewsOnly) {
    TreeSet<String> names = new TreeSet<>();
    for (CatalogBaseTable table : database(currentCatalog, currentDatabase).tables().values()) {
      if (!viewsOnly || isView(table)) {
        names.add(table.getIdentifier().getObjectName());
      }
    }
    for (Map.Entry<ObjectIdentifier, CatalogBaseTable> entry : temporary.entrySet()) {
      ObjectIdentifier id = entry.getKey();
      if (id.getCatalogName().equals(currentCatalog) && id.getDatabaseName().equals(currentDatabase)
          && (!viewsOnly || isView(entry.getValue()))) {
        names.add(id.getObjectName());
      }
    }
    return new ArrayList<>(names);
  }

  /** The names of {@code catalog}'s databases. */
  public List<String> listDatabasesOf(String catalog) {
    return new ArrayList<>(databasesOf(catalog).keySet());
  }

  /** The names of every table and view in {@code database} of {@code catalog}, temporary ones included. */
  public List<String> listTablesOf(String catalog, String database) {
    TreeSet<String> names = new TreeSet<>(database(catalog, database).tables().keySet());
    for (ObjectIdentifier id : temporary.keySet()) {
      if (id.getCatalogName().equals(catalog) && id.getDatabaseName().equals(database)) {
        names.add(id.getObjectName());
      }
    }
    return new ArrayList<>(names);
  }

  private CatalogBaseTable permanent(ObjectIdentifier id) {
    Map<String, Database> databases = catalogs.get(id.getCatalogName());
    Database database = databases == null ? null : databases.get(id.getDatabaseName());
    return database == null ? null : database.tables().get(id.getObjectName());
  }

  /** Fails, naming the nearest existing database, unless {@code id}'s catalog and database exist. */
  public void checkDatabaseOf(ObjectIdentifier id) {
    database(id);
  }

  private Database database(ObjectIdentifier id) {
    return database(id.getCatalogName(), id.getDatabaseName());
  }

  private Database database(String catalog, String name) {
    Map<String, Database> databases = databasesOf(catalog);
    Database database = databases.get(name);
    if (database == null) {
      throw new ValidationException("Database " + catalog + "." + name + " does not exist"
          + NearestName.of(name, databases.keySet()).map(n -> "; did you mean '" + n + "'?").orElse(""));
    }
    return database;
  }

  private Map<String, Database> databasesOf(String catalog) {
    Map<String, Database> databases = catalogs.get(catalog);
    if (databases == null) {
      throw new ValidationException("Catalog " + catalog + " does not exist"
          + NearestName.of(catalog, catalogs.keySet()).map(n -> "; did you mean '" + n + "'?").orElse(""));
    }
    return databases;
  }

  private String suggestion(ObjectIdentifier id) {
    List<String> names = new ArrayList<>();
    Map<String, Database> databases = catalogs.get(id.getCatalogName());
    Database database = databases == null ? null : databases.get(id.getDatabaseName());
    if (database != null) {
      names.addAll(database.tables().keySet());
    }
    for (ObjectIdentifier tempId : temporary.keySet()) {
      if (tempId.getCatalogName().equals(id.getCatalogName()) && tempId.getDatabaseName().equals(id.getDatabaseName())) {
        names.add(tempId.getObjectName());
      }
    }
    return NearestName.of(id.getObjectName(), names).map(n -> "; did you mean '" + n + "'?").orElse("");
  }

  private static String kindOf(CatalogBaseTable table) {
    return isView(table) ? "View" : "Table";
  }

  /**
   * Whether {@code table} is a view: a query's ({@link CatalogView}), or a program's stream registered
   * with {@code createTemporaryView(path, stream)}, which Flink lists and drops as a view too.
   */
  public static boolean isView(CatalogBaseTable table) {
    return table instanceof CatalogView
        || table instanceof CatalogTable t && STREAM_CONNECTOR.equals(t.getOptions().get("connector"));
  }

}
