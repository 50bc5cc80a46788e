package io.spate.table.functions;

import io.spate.api.annotation.PublicEvolving;
import java.io.Serializable;

/**
 * The base of functions that users write for SQL: a public class with a public no-argument
 * constructor (for {@code CREATE FUNCTION}) whose instances travel with the job, so they are
 * serializable. Each parallel instance of an operator that calls the function opens its own copy.
 */
@PublicEvolving
public abstract class UserDefinedFunction implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Prepares the function before its first call in a task; does nothing by default. */
  public void open(FunctionContext context) throws Exception {}

  /** Releases what {@link #open} took once the task ends; does nothing by default. */
  public void close() throws Exception {}

  /** Whether the function gives the same result for the same arguments; true by default. */
  public boolean isDeterministic() {
    return true;
  }

  /** A name for plans and messages: the class's name. */
  public String functionIdentifier() {
    return getClass().getName();
  }

  @Override
  public String toString() {
    return getClass().getSimpleName();
  }
}
