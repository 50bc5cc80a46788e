package io.spate.api.functions.windowing;

import io.spate.api.annotation.PublicEvolving;
import java.io.Serializable;

/**
 * Takes a part out of a record, such as the fields an {@link ExtractionAwareDeltaFunction} compares.
 *
 * @param <FROM> the record type
 * @param <TO> the type of the part taken
 */
@PublicEvolving
@FunctionalInterface
public interface Extractor<FROM, TO> extends Serializable {

  /** The part of {@code in} this extractor takes. */
  TO extract(FROM in);
}
