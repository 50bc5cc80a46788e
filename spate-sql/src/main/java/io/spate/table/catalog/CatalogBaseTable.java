package io.spate.table.catalog;

import io.spate.api.annotation.PublicEvolving;
import io.spate.table.types.logical.RowType;

/** What a catalog holds under a table's name: a table with a connector, or a view. */
@PublicEvolving
public sealed interface CatalogBaseTable permits CatalogTable, CatalogView {

  /** Its full name. */
  ObjectIdentifier getIdentifier();

  /** The type of the rows a query reads from it: every column, in order. */
  RowType getRowType();

  /** Its comment, or null. */
  String getComment();
}
