package io.spate.api.functions.windowing;

import io.spate.api.annotation.PublicEvolving;

/**
 * A {@link DeltaFunction} that first takes a part out of both records with an {@link Extractor} and
 * then measures the distance between the parts; without an extractor the records are the parts.
 *
 * @param <DATA> the record type
 * @param <TO> the type of the part compared
 */
@PublicEvolving
public abstract class ExtractionAwareDeltaFunction<DATA, TO> implements DeltaFunction<DATA> {

  private static final long serialVersionUID = 1L;

  private final Extractor<DATA, TO> converter;

  /** Compares the parts {@code converter} takes, or the records themselves if it is null. */
  public ExtractionAwareDeltaFunction(Extractor<DATA, TO> converter) {
    this.converter = converter;
  }

  @Override
  @SuppressWarnings("unchecked")
  public double getDelta(DATA oldDataPoint, DATA newDataPoint) {
    if (converter == null) {
      // the caller promised that the records are of the compared type
      return getNestedDelta((TO) oldDataPoint, (TO) newDataPoint);
    }
    return getNestedDelta(converter.extract(oldDataPoint), converter.extract(newDataPoint));
  }

  /** The distance between the parts taken from the old and the new record. */
  public abstract double getNestedDelta(TO oldDataPoint, TO newDataPoint);
}
