package io.spate.table.catalog;

import io.spate.api.annotation.PublicEvolving;
import java.util.Objects;

/** The full name of a table, view or function: catalog, database and object name. */
@PublicEvolving
public final class ObjectIdentifier {

  private final String catalogName;
  private final String databaseName;
  private final String objectName;

  private ObjectIdentifier(String catalogName, String databaseName, String objectName) {
    this.catalogName = Objects.requireNonNull(catalogName, "catalogName");
    this.databaseName = Objects.requireNonNull(databaseName, "databaseName");
    this.objectName = Objects.requireNonNull(objectName, "objectName");
  }

  /** The identifier of {@code objectName} in {@code databaseName} of {@code catalogName}. */
  public static ObjectIdentifier of(String catalogName, String databaseName, String objectName) {
    return new ObjectIdentifier(catalogName, databaseName, objectName);
  }

  /** The catalog's name. */
  public String getCatalogName() {
    return catalogName;
  }

  /** The database's name. */
  public String getDatabaseName() {
    return databaseName;
  }

  /** The object's own name. */
  public String getObjectName() {
    return objectName;
  }

  /** {@code `catalog`.`database`.`object`}, quoted so that it parses back. */
  public String asSerializableString() {
    return quote(catalogName) + "." + quote(databaseName) + "." + quote(objectName);
  }

  /** {@code catalog.database.object}, for messages. */
  public String asSummaryString() {
    return catalogName + "." + databaseName + "." + objectName;
  }

  private static String quote(String name) {
    return "`" + name.replace("`", "``") + "`";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ObjectIdentifier other && catalogName.equals(other.catalogName)
        && databaseName.equals(other.databaseName) && objectName.equals(other.objectName);
  }

  @Override
  public int hashCode() {
    return Objects.hash(catalogName, databaseName, objectName);
  }

  @Override
  public String toString() {
    return asSerializableString();
  }
}
