package io.spate.api.connector.sink;

import io.spate.api.annotation.PublicEvolving;
import java.io.IOException;
import java.util.Collection;

/**
 * Makes prepared committables visible. Committing must be idempotent: after a failure the same
 * committable may be committed again.
 *
 * @param <CommT> the committable type
 */
@PublicEvolving
public interface Committer<CommT> extends AutoCloseable {

  /** Commits {@code committables}. */
  void commit(Collection<CommT> committables) throws IOException, InterruptedException;

  @Override
  default void close() throws Exception {}
}
