package io.spate.bench.nexmark.flink.sql;

import java.util.Map;
import org.apache.flink.table.functions.FunctionContext;
import org.apache.flink.table.functions.TableFunction;

/**
 * Flink's twin of q13's side table function ({@link io.spate.bench.nexmark.sql.SideInput}):
 * {@code side_input(key)} gives the one value the table holds for {@code key}, or no row.
 */
public class SideInput extends TableFunction<String> {

  private static final long serialVersionUID = 1L;

  private transient Map<Long, String> table;

  @Override
  public void open(FunctionContext context) {
    table = io.spate.bench.nexmark.sql.SideInput.table();
  }

  /** Gives the value of {@code key}, if the table has one. */
  public void eval(Long key) {
    String value = key == null ? null : table.get(key);
    if (value != null) {
      collect(value);
    }
  }
}
