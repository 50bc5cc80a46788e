package io.spate.api.operators.state;

import io.spate.api.annotation.PublicEvolving;
import java.util.Collection;

/**
 * Keyed state whose contents in several namespaces can be merged into one, as merging windows do.
 *
 * @param <N> the namespace type
 */
@PublicEvolving
public interface InternalMergingState<N> extends InternalKvState<N> {

  /**
   * Merges the contents of {@code sources} into {@code target} for the current key and clears the
   * sources.
   */
  void mergeNamespaces(N target, Collection<N> sources) throws Exception;
}
