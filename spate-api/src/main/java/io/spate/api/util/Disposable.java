package io.spate.api.util;

import io.spate.api.annotation.PublicEvolving;

/** Something that releases its resources, once, when disposed. */
@PublicEvolving
public interface Disposable {

  /** Releases the resources; the object is not used after. */
  void dispose() throws Exception;
}
