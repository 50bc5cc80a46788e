package io.spate.table.api;

import io.spate.api.annotation.PublicEvolving;

/**
 * An over window of the Table API ({@code Over.partitionBy(...).orderBy(...).preceding(...).as("w")}),
 * named by its alias for {@code $("v").sum().over($("w"))}.
 */
@PublicEvolving
public final class OverWindow {

  private final String alias;
  private final String spec;

  OverWindow(String alias, String spec) {
    this.alias = alias;
    this.spec = spec;
  }

  /** The window's name. */
  public String getAlias() {
    return alias;
  }

  /** The window as SQL's {@code WINDOW} clause has it: {@code PARTITION BY ... ORDER BY ... ROWS BETWEEN ...}. */
  public String asSqlSpecification() {
    return spec;
  }
}
