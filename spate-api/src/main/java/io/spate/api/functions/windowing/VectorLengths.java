package io.spate.api.functions.windowing;

/** The check the vector distances share: both vectors are there and of one length. */
final class VectorLengths {

  private VectorLengths() {}

  static void check(String function, double[] oldDataPoint, double[] newDataPoint) {
    if (oldDataPoint == null || newDataPoint == null) {
      throw new IllegalArgumentException(function + ": a vector to compare is null (old "
          + (oldDataPoint == null ? "null" : "present") + ", new " + (newDataPoint == null ? "null" : "present") + ").");
    }
    if (oldDataPoint.length != newDataPoint.length) {
      throw new IllegalArgumentException(function + ": the vectors differ in length, " + oldDataPoint.length
          + " (old) and " + newDataPoint.length + " (new); they must be of the same length.");
    }
  }
}
