package io.spate.bench.nexmark.sql;

import io.spate.table.functions.FunctionContext;
import io.spate.table.functions.TableFunction;
import java.util.HashMap;
import java.util.Map;

/**
 * q13's side table as a table function: {@code side_input(key)} gives the one value the table holds
 * for {@code key}, or no row. The table is the DataStream version's: every key from 0 to 9999,
 * valued {@code side-<key>}.
 */
public class SideInput extends TableFunction<String> {

  private static final long serialVersionUID = 1L;

  /** The keys of the side table: 0 to this, exclusive. */
  public static final long KEYS = 10_000;

  private transient Map<Long, String> table;

  @Override
  public void open(FunctionContext context) {
    table = table();
  }

  /** Gives the value of {@code key}, if the table has one. */
  public void eval(Long key) {
    String value = key == null ? null : table.get(key);
    if (value != null) {
      collect(value);
    }
  }

  /** The side table. */
  public static Map<Long, String> table() {
    Map<Long, String> table = new HashMap<>();
    for (long key = 0; key < KEYS; key++) {
      table.put(key, "side-" + key);
    }
    return table;
  }
}
