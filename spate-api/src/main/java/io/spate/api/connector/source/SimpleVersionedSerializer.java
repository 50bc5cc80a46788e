package io.spate.api.connector.source;

import io.spate.api.annotation.PublicEvolving;
import java.io.IOException;

/**
 * Serializes splits and enumerator checkpoints to bytes, with a version so that old checkpoints can
 * be read by newer code.
 *
 * @param <E> the serialized type
 */
@PublicEvolving
public interface SimpleVersionedSerializer<E> {

  /** The version of the format that {@link #serialize} writes. */
  int getVersion();

  /** Writes {@code obj} in the current format. */
  byte[] serialize(E obj) throws IOException;

  /** Reads bytes written by a serializer of {@code version}. */
  E deserialize(int version, byte[] serialized) throws IOException;
}
