package io.spate.api.state;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.configuration.Configuration;
import java.io.Serializable;

/**
 * Chooses where a job's checkpoints are written, for {@code
 * env.getCheckpointConfig().setCheckpointStorage(...)}; like a {@link StateBackend}, it is a setting
 * that the runtime maps to its implementation.
 */
@PublicEvolving
public interface CheckpointStorage extends Serializable {

  /** Writes where checkpoints go into a job's {@code configuration}. */
  void applyTo(Configuration configuration);
}
