package io.spate.table.docs.udf;

import io.spate.table.functions.ScalarFunction;

/** The scalar function of docs/sql/functions.md. */
public class Twice extends ScalarFunction {
  public Long eval(Long n) {
    return n == null ? null : n * 2;
  }

  public String eval(String s) {
    return s == null ? null : s + s;
  }
}
