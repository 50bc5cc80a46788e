package io.spate.api.connector.sink;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.connector.source.SimpleVersionedSerializer;
import java.io.IOException;

/**
 * A sink that writes in two phases: its writers (which must be {@link CommittingSinkWriter}s)
 * prepare committables, and a {@link Committer} makes them visible.
 *
 * @param <CommT> the committable type
 */
@PublicEvolving
public interface SupportsCommitter<CommT> {

  /** Creates the committer. */
  Committer<CommT> createCommitter() throws IOException;

  /** Serializes committables so that checkpoints can hold them. */
  SimpleVersionedSerializer<CommT> getCommittableSerializer();
}
