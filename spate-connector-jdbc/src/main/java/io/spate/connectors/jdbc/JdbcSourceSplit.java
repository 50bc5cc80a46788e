package io.spate.connectors.jdbc;

import io.spate.api.connector.source.SourceSplit;
import java.io.Serializable;
import java.util.Arrays;

/**
 * One query of a {@link JdbcSource}: the placeholders' values for it and how many of its rows were
 * emitted before the checkpoint that holds the split (a restore skips that many).
 *
 * @param id the split's id
 * @param parameters the values of the query's placeholders, in order
 * @param offset the rows already emitted
 */
public record JdbcSourceSplit(String id, Serializable[] parameters, long offset) implements SourceSplit {

  @Override
  public String splitId() {
    return id;
  }

  @Override
  public Serializable[] parameters() {
    return parameters.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JdbcSourceSplit that && id.equals(that.id) && Arrays.equals(parameters, that.parameters)
        && offset == that.offset;
  }

  @Override
  public int hashCode() {
    return id.hashCode() * 31 + Arrays.hashCode(parameters) + Long.hashCode(offset);
  }

  @Override
  public String toString() {
    return "JdbcSourceSplit[" + id + ", parameters " + Arrays.toString(parameters) + ", offset " + offset + "]";
  }
}
