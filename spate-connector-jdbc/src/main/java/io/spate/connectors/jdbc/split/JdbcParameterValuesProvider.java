package io.spate.connectors.jdbc.split;

import java.io.Serializable;

/**
 * The parameters of a parameterized query, one row per split (Flink's
 * {@code JdbcParameterValuesProvider}): row {@code i} fills the {@code ?} placeholders of split
 * {@code i}'s query, in order.
 */
@FunctionalInterface
public interface JdbcParameterValuesProvider extends Serializable {

  /** One array of placeholder values per split. */
  Serializable[][] getParameterValues();
}
