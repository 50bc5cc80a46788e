package io.spate.api.connector.sink;

import io.spate.api.annotation.PublicEvolving;
import java.io.IOException;
import java.util.Collection;

/**
 * A sink writer that hands what it has written since the last call over to the committer.
 *
 * @param <InputT> the record type
 * @param <CommT> the committable type
 */
@PublicEvolving
public interface CommittingSinkWriter<InputT, CommT> extends SinkWriter<InputT> {

  /** The committables for everything written since the last call; called after {@link #flush}. */
  Collection<CommT> prepareCommit() throws IOException, InterruptedException;
}
