package io.spate.api.functions.windowing;

import io.spate.api.annotation.PublicEvolving;

/**
 * The Euclidean distance between two vectors of doubles: the square root of the summed squared
 * differences of their components.
 *
 * @param <DATA> the record type the vectors are taken from
 */
@PublicEvolving
public class EuclideanDistance<DATA> extends ExtractionAwareDeltaFunction<DATA, double[]> {

  private static final long serialVersionUID = 1L;

  /** Measures records that are themselves {@code double[]}. */
  public EuclideanDistance() {
    super(null);
  }

  /** Measures the vectors {@code converter} takes out of the records. */
  public EuclideanDistance(Extractor<DATA, double[]> converter) {
    super(converter);
  }

  @Override
  public double getNestedDelta(double[] oldDataPoint, double[] newDataPoint) {
    VectorLengths.check("EuclideanDistance", oldDataPoint, newDataPoint);
    double sum = 0;
    for (int i = 0; i < oldDataPoint.length; i++) {
      double d = oldDataPoint[i] - newDataPoint[i];
      sum += d * d;
    }
    return Math.sqrt(sum);
  }
}
