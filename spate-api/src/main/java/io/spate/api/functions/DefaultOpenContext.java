package io.spate.api.functions;

import io.spate.api.annotation.PublicEvolving;

/** The {@link OpenContext} that carries nothing, for calling {@code open} on a rich function by hand (in tests). */
@PublicEvolving
public class DefaultOpenContext implements OpenContext {

  /** The one instance needed. */
  public static final OpenContext INSTANCE = new DefaultOpenContext();

  /** Prefer {@link #INSTANCE}. */
  public DefaultOpenContext() {}
}
