package io.spate.api.windowing.windows;

import io.spate.api.annotation.PublicEvolving;

/** The one window that holds every record of a key; it never ends on its own. */
@PublicEvolving
public final class GlobalWindow extends Window {

  private static final long serialVersionUID = 1L;
  private static final GlobalWindow INSTANCE = new GlobalWindow();

  private GlobalWindow() {}

  /** The global window. */
  public static GlobalWindow get() {
    return INSTANCE;
  }

  @Override
  public long maxTimestamp() {
    return Long.MAX_VALUE;
  }

  private Object readResolve() {
    return INSTANCE;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GlobalWindow;
  }

  @Override
  public int hashCode() {
    return 0;
  }

  @Override
  public String toString() {
    return "GlobalWindow";
  }
}
