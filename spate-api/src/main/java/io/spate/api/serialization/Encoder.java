package io.spate.api.serialization;

import io.spate.api.annotation.PublicEvolving;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;

/**
 * Writes a record as bytes into a row-format file, with whatever delimiter the format needs (Flink's
 * {@code Encoder}).
 *
 * @param <IN> the record type
 */
@PublicEvolving
@FunctionalInterface
public interface Encoder<IN> extends Serializable {

  /** Writes {@code element} to {@code stream}. */
  void encode(IN element, OutputStream stream) throws IOException;
}
