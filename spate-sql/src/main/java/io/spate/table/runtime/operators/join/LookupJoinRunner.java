package io.spate.table.runtime.operators.join;

import io.spate.api.annotation.Internal;
import io.spate.api.functions.KeySelector;
import io.spate.api.functions.OpenContext;
import io.spate.api.functions.async.ResultFuture;
import io.spate.api.functions.async.RichAsyncFunction;
import io.spate.api.types.Row;
import io.spate.table.functions.AsyncLookupFunction;
import io.spate.table.functions.FunctionContext;
import io.spate.table.runtime.functions.OpenedFunction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Runs a lookup join for each left row: computes the key, asks the table's
 * {@link AsyncLookupFunction} for the rows of that key, and emits the left row joined with each
 * row found that satisfies the rest of the condition; a LEFT join emits the left row padded with
 * NULLs when none does. A key with a NULL value finds nothing, as SQL's equality says. The key and
 * the condition run as generated classes, as in the other joins, unless code generation is off.
 */
@Internal
public final class LookupJoinRunner extends RichAsyncFunction<Row, Row> {

  private static final long serialVersionUID = 1L;

  private final AsyncLookupFunction function;
  private final KeySelector<Row, Row> keys;
  private final JoinConditionCode condition;
  private final boolean leftOuter;
  private final int tableArity;
  private final String table;
  private final OpenedFunction[] userFunctions;
  private transient JoinCondition test;

  /**
   * A runner that looks up {@code table} with {@code function} by the key {@code keys} computes from
   * the left row, keeps rows found for which {@code condition} (over the left row and the found row;
   * null: all) is true, and pads unmatched left rows of a LEFT join with {@code tableArity} NULLs.
   */
  public LookupJoinRunner(AsyncLookupFunction function, KeySelector<Row, Row> keys, JoinConditionCode condition,
      boolean leftOuter, int tableArity, String table, List<OpenedFunction> userFunctions) {
    this.function = function;
    this.keys = keys;
    this.condition = condition;
    this.leftOuter = leftOuter;
    this.tableArity = tableArity;
    this.table = table;
    this.userFunctions = userFunctions.toArray(new OpenedFunction[0]);
  }

  @Override
  public void open(OpenContext openContext) throws Exception {
    FunctionContext context = new FunctionContext(getRuntimeContext().getGlobalJobParameters(),
        getRuntimeContext().getUserCodeClassLoader());
    for (OpenedFunction userFunction : userFunctions) {
      userFunction.open(context);
    }
    test = condition == null ? null : condition.instantiate(getRuntimeContext().getUserCodeClassLoader());
    function.open(context);
  }

  @Override
  public void asyncInvoke(Row left, ResultFuture<Row> resultFuture) throws Exception {
    Row key = keys.getKey(left);
    for (int i = 0; i < key.getArity(); i++) {
      if (key.getField(i) == null) {
        resultFuture.complete(leftOuter ? List.of(padded(left)) : List.of());
        return;
      }
    }
    function.asyncLookup(key).whenComplete((found, error) -> {
      if (error != null) {
        resultFuture.completeExceptionally(error);
        return;
      }
      try {
        resultFuture.complete(join(left, found));
      } catch (RuntimeException e) {
        resultFuture.completeExceptionally(e);
      }
    });
  }

  private List<Row> join(Row left, Collection<Row> found) {
    List<Row> joined = new ArrayList<>(found.size());
    for (Row right : found) {
      if (test == null || test.test(left, right)) {
        joined.add(concat(left, right));
      }
    }
    if (joined.isEmpty() && leftOuter) {
      joined.add(padded(left));
    }
    return joined;
  }

  private Row concat(Row left, Row right) {
    int leftArity = left.getArity();
    Row row = new Row(left.getKind(), leftArity + tableArity);
    for (int i = 0; i < leftArity; i++) {
      row.setField(i, left.getField(i));
    }
    for (int i = 0; i < tableArity; i++) {
      row.setField(leftArity + i, right.getField(i));
    }
    return row;
  }

  private Row padded(Row left) {
    Row row = new Row(left.getKind(), left.getArity() + tableArity);
    for (int i = 0; i < left.getArity(); i++) {
      row.setField(i, left.getField(i));
    }
    return row;
  }

  @Override
  public void timeout(Row input, ResultFuture<Row> resultFuture) {
    resultFuture.completeExceptionally(new TimeoutException("The lookup of table " + table + " for the row " + input
        + " did not finish within table.exec.async-lookup.timeout"));
  }

  @Override
  public void close() throws Exception {
    function.close();
    for (OpenedFunction userFunction : userFunctions) {
      userFunction.close();
    }
  }
}
