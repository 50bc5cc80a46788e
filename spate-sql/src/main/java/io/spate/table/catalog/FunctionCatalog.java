package io.spate.table.catalog;

import io.spate.api.annotation.Internal;
import io.spate.table.api.ValidationException;
import io.spate.table.functions.UserDefinedFunction;
import io.spate.table.utils.NearestName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The user-defined functions of a session, found as Flink finds them: a temporary system function
 * (by a simple name, before the built-in functions), then a temporary function of the catalog and
 * database, then a catalog function. Function names are case-insensitive.
 */
@Internal
public final class FunctionCatalog {

  private final CatalogManager catalogs;
  private final Map<String, UserDefinedFunction> temporarySystem = new LinkedHashMap<>();
  private final Map<ObjectIdentifier, UserDefinedFunction> temporary = new LinkedHashMap<>();
  private final Map<ObjectIdentifier, UserDefinedFunction> permanent = new LinkedHashMap<>();

  /** The functions of the session whose tables {@code catalogs} holds. */
  public FunctionCatalog(CatalogManager catalogs) {
    this.catalogs = catalogs;
  }

  /** An instance of {@code className}, a public user-defined function class with a no-argument constructor. */
  public static UserDefinedFunction instantiate(String className, ClassLoader classLoader) {
    Class<?> type;
    try {
      type = Class.forName(className, true, classLoader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new ValidationException("Function class " + className + " is not on the class path", e);
    }
    return instantiate(type);
  }

  /** An instance of {@code type}, a public user-defined function class with a no-argument constructor. */
  public static UserDefinedFunction instantiate(Class<?> type) {
    if (!UserDefinedFunction.class.isAssignableFrom(type)) {
      throw new ValidationException("Class " + type.getName() + " is not a user-defined function (a ScalarFunction,"
          + " TableFunction or AggregateFunction)");
    }
    try {
      return (UserDefinedFunction) type.getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new ValidationException("Cannot create function class " + type.getName() + ": it needs to be public (a"
          + " static nested class, if nested) with a public constructor without arguments", e);
    }
  }

  /** Registers {@code function} as the temporary system function {@code name}. */
  public void createTemporarySystemFunction(String name, UserDefinedFunction function, boolean ignoreIfExists) {
    String key = name.toLowerCase(Locale.ROOT);
    if (temporarySystem.containsKey(key)) {
      if (ignoreIfExists) {
        return;
      }
      throw new ValidationException("Temporary system function " + name + " already exists");
    }
    temporarySystem.put(key, function);
  }

  /** Registers {@code function} as a temporary (or else a catalog) function named {@code path}. */
  public void createFunction(List<String> path, UserDefinedFunction function, boolean isTemporary,
      boolean ignoreIfExists) {
    ObjectIdentifier id = identifier(path);
    catalogs.checkDatabaseOf(id);
    Map<ObjectIdentifier, UserDefinedFunction> functions = isTemporary ? temporary : permanent;
    if (functions.containsKey(id)) {
      if (ignoreIfExists) {
        return;
      }
      throw new ValidationException((isTemporary ? "Temporary function " : "Function ") + id.asSummaryString()
          + " already exists");
    }
    functions.put(id, function);
  }

  /** Removes the temporary system function {@code name}; whether there was one. */
  public boolean dropTemporarySystemFunction(String name, boolean ignoreIfNotExists) {
    if (temporarySystem.remove(name.toLowerCase(Locale.ROOT)) != null) {
      return true;
    }
    if (!ignoreIfNotExists) {
      throw new ValidationException("Temporary system function " + name + " does not exist"
          + suggestion(name, temporarySystem.keySet()));
    }
    return false;
  }

  /** Removes the temporary (or else catalog) function {@code path}; whether there was one. */
  public boolean dropFunction(List<String> path, boolean isTemporary, boolean ignoreIfNotExists) {
    ObjectIdentifier id = identifier(path);
    Map<ObjectIdentifier, UserDefinedFunction> functions = isTemporary ? temporary : permanent;
    if (functions.remove(id) != null) {
      return true;
    }
    if (!ignoreIfNotExists) {
      List<String> names = functions.keySet().stream().map(ObjectIdentifier::getObjectName).toList();
      throw new ValidationException((isTemporary ? "Temporary function " : "Function ") + id.asSummaryString()
          + " does not exist" + suggestion(id.getObjectName(), names));
    }
    return false;
  }

  /** The temporary system function {@code name}, if there is one. */
  public Optional<UserDefinedFunction> lookupSystem(String name) {
    return Optional.ofNullable(temporarySystem.get(name.toLowerCase(Locale.ROOT)));
  }

  /** The temporary, else the catalog function {@code path} (completed with the current catalog and database). */
  public Optional<UserDefinedFunction> lookup(List<String> path) {
    if (path.isEmpty() || path.size() > 3) {
      return Optional.empty();
    }
    ObjectIdentifier id = identifier(path);
    UserDefinedFunction function = temporary.get(id);
    return Optional.ofNullable(function != null ? function : permanent.get(id));
  }

  /** The names of the user-defined functions visible by a simple name, sorted. */
  public List<String> userFunctionNames() {
    TreeSet<String> names = new TreeSet<>(temporarySystem.keySet());
    for (ObjectIdentifier id : visibleIds()) {
      names.add(id.getObjectName());
    }
    return new ArrayList<>(names);
  }

  private List<ObjectIdentifier> visibleIds() {
    List<ObjectIdentifier> ids = new ArrayList<>();
    for (ObjectIdentifier id : temporary.keySet()) {
      if (inCurrentDatabase(id)) {
        ids.add(id);
      }
    }
    for (ObjectIdentifier id : permanent.keySet()) {
      if (inCurrentDatabase(id)) {
        ids.add(id);
      }
    }
    return ids;
  }

  private boolean inCurrentDatabase(ObjectIdentifier id) {
    return id.getCatalogName().equals(catalogs.getCurrentCatalog())
        && id.getDatabaseName().equals(catalogs.getCurrentDatabase());
  }

  private ObjectIdentifier identifier(List<String> path) {
    ObjectIdentifier id = catalogs.qualify(path);
    return ObjectIdentifier.of(id.getCatalogName(), id.getDatabaseName(), id.getObjectName().toLowerCase(Locale.ROOT));
  }

  private static String suggestion(String name, Iterable<String> names) {
    List<String> all = new ArrayList<>();
    names.forEach(all::add);
    return NearestName.of(name.toLowerCase(Locale.ROOT), all).map(n -> "; did you mean '" + n + "'?").orElse("");
  }
}
