package io.spate.table.catalog;

import io.spate.api.annotation.PublicEvolving;
import io.spate.table.types.logical.RowType;

/**
 * A view: a query stored under a name, with the query as written, the query with every name fully
 * qualified (what a later query expands, whatever the current database then is) and its row type.
 */
@PublicEvolving
public record CatalogView(ObjectIdentifier getIdentifier, String getOriginalQuery, String getExpandedQuery,
    RowType getRowType, String getComment) implements CatalogBaseTable {}
