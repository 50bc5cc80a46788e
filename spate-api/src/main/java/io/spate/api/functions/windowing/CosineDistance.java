package io.spate.api.functions.windowing;

import io.spate.api.annotation.PublicEvolving;

/**
 * The cosine distance between two vectors of doubles: one minus the cosine of the angle between
 * them, from 0 (same direction) to 2 (opposite); 0 when either vector is all zeros, which has no
 * direction.
 *
 * @param <DATA> the record type the vectors are taken from
 */
@PublicEvolving
public class CosineDistance<DATA> extends ExtractionAwareDeltaFunction<DATA, double[]> {

  private static final long serialVersionUID = 1L;

  /** Measures records that are themselves {@code double[]}. */
  public CosineDistance() {
    super(null);
  }

  /** Measures the vectors {@code converter} takes out of the records. */
  public CosineDistance(Extractor<DATA, double[]> converter) {
    super(converter);
  }

  @Override
  public double getNestedDelta(double[] oldDataPoint, double[] newDataPoint) {
    VectorLengths.check("CosineDistance", oldDataPoint, newDataPoint);
    double dot = 0;
    double oldSquares = 0;
    double newSquares = 0;
    for (int i = 0; i < oldDataPoint.length; i++) {
      dot += oldDataPoint[i] * newDataPoint[i];
      oldSquares += oldDataPoint[i] * oldDataPoint[i];
      newSquares += newDataPoint[i] * newDataPoint[i];
    }
    if (oldSquares == 0 || newSquares == 0) {
      return 0;
    }
    return 1 - dot / (Math.sqrt(oldSquares) * Math.sqrt(newSquares));
  }
}
