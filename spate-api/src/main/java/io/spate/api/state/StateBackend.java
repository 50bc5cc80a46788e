package io.spate.api.state;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.configuration.Configuration;
import java.io.Serializable;

/**
 * Chooses where a job's keyed state lives; the runtime maps the name to an implementation, so the
 * API does not depend on any backend.
 */
@PublicEvolving
public interface StateBackend extends Serializable {

  /** The backend's name, as in the {@code state.backend.type} option. */
  String getName();

  /** Writes the settings made on this object into a job's {@code configuration}. */
  default void applyTo(Configuration configuration) {}
}
