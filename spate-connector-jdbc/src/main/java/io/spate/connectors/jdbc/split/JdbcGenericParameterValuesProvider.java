package io.spate.connectors.jdbc.split;

import java.io.Serializable;

/** Parameters given as they are, one row per split (Flink's {@code JdbcGenericParameterValuesProvider}). */
public class JdbcGenericParameterValuesProvider implements JdbcParameterValuesProvider {

  private static final long serialVersionUID = 1L;

  private final Serializable[][] parameters;

  /** A provider of {@code parameters}: row {@code i} for split {@code i}. */
  public JdbcGenericParameterValuesProvider(Serializable[][] parameters) {
    if (parameters == null) {
      throw new IllegalArgumentException("JdbcGenericParameterValuesProvider: the parameters are null");
    }
    this.parameters = parameters.clone();
  }

  @Override
  public Serializable[][] getParameterValues() {
    return parameters.clone();
  }
}
