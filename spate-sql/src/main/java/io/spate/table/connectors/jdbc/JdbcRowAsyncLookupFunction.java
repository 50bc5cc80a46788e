package io.spate.table.connectors.jdbc;

import io.spate.api.annotation.Internal;
import io.spate.api.types.Row;
import io.spate.connectors.jdbc.JdbcKeyLookup;
import io.spate.table.functions.AsyncLookupFunction;
import io.spate.table.functions.FunctionContext;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;

/** The lookup function of a {@code jdbc} table: the rows of a key from a {@link JdbcKeyLookup}. */
@Internal
final class JdbcRowAsyncLookupFunction extends AsyncLookupFunction {

  private static final long serialVersionUID = 1L;

  private final String table;
  private final JdbcKeyLookup<Row, Row> lookup;

  JdbcRowAsyncLookupFunction(String table, JdbcKeyLookup<Row, Row> lookup) {
    this.table = table;
    this.lookup = lookup;
  }

  @Override
  public void open(FunctionContext context) throws Exception {
    lookup.open("lookup of " + table);
  }

  @Override
  public CompletableFuture<Collection<Row>> asyncLookup(Row keyRow) {
    return lookup.lookup(keyRow).thenApply(rows -> (Collection<Row>) rows);
  }

  @Override
  public void close() throws Exception {
    lookup.close();
  }

  @Override
  public String toString() {
    return "JdbcLookup[" + lookup.query() + "]";
  }
}
