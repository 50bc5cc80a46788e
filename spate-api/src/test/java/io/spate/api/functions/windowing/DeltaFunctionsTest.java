package io.spate.api.functions.windowing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;

import io.spate.api.tuple.Tuple2;
import io.spate.api.tuple.Tuple3;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/** The vector distances against the laws of a distance, and the extractors that feed them. */
class DeltaFunctionsTest {

  private static Gen<double[]> vectors(int length) {
    Gen<Double> component = SourceDSL.doubles().between(-1_000, 1_000);
    return prng -> {
      double[] v = new double[length];
      for (int i = 0; i < length; i++) {
        v[i] = component.generate(prng);
      }
      return v;
    };
  }

  @Test
  void euclideanDistanceIsAMetric() {
    EuclideanDistance<double[]> d = new EuclideanDistance<>();
    qt().forAll(vectors(3), vectors(3), vectors(3)).checkAssert((a, b, c) -> {
      assertThat(d.getDelta(a, a)).isZero();
      assertThat(d.getDelta(a, b)).isGreaterThanOrEqualTo(0).isCloseTo(d.getDelta(b, a), within(1e-9));
      assertThat(d.getDelta(a, c)).isLessThanOrEqualTo(d.getDelta(a, b) + d.getDelta(b, c) + 1e-9);
    });
    assertThat(d.getDelta(new double[] {0, 0}, new double[] {3, 4})).isEqualTo(5.0);
  }

  @Test
  void cosineDistanceDependsOnlyOnTheAngle() {
    CosineDistance<double[]> d = new CosineDistance<>();
    qt().forAll(vectors(4), vectors(4), SourceDSL.doubles().between(0.001, 1_000)).checkAssert((a, b, scale) -> {
      double delta = d.getDelta(a, b);
      assertThat(delta).isBetween(-1e-9, 2 + 1e-9).isCloseTo(d.getDelta(b, a), within(1e-9));
      double[] scaled = a.clone();
      for (int i = 0; i < scaled.length; i++) {
        scaled[i] *= scale;
      }
      assertThat(d.getDelta(scaled, b)).isCloseTo(delta, within(1e-9));
    });
    assertThat(d.getDelta(new double[] {1, 0}, new double[] {0, 2})).isCloseTo(1.0, within(1e-12));
    assertThat(d.getDelta(new double[] {1, 1}, new double[] {-3, -3})).isCloseTo(2.0, within(1e-12));
    assertThat(d.getDelta(new double[] {2, 2}, new double[] {5, 5})).isCloseTo(0.0, within(1e-12));
    // a zero vector has no direction: the distance to it is 0
    assertThat(d.getDelta(new double[] {0, 0}, new double[] {5, 1})).isZero();
  }

  @Test
  void vectorsOfDifferentLengthsAreRefused() {
    assertThatThrownBy(() -> new EuclideanDistance<double[]>().getDelta(new double[] {1}, new double[] {1, 2}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EuclideanDistance")
        .hasMessageContaining("1 (old) and 2 (new)");
    assertThatThrownBy(() -> new CosineDistance<double[]>().getDelta(null, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CosineDistance").hasMessageContaining("null");
  }

  @Test
  void theExtractorTakesTheComparedPartsOutOfTheRecords() {
    EuclideanDistance<Tuple3<String, Integer, Double>> d = new EuclideanDistance<>(
        new ConcatenatedExtract<Tuple3<String, Integer, Double>, io.spate.api.tuple.Tuple, double[]>(t -> t,
            new FieldsFromTuple(1, 2)));
    assertThat(d.getDelta(Tuple3.of("a", 1, 1.0), Tuple3.of("b", 4, 5.0))).isEqualTo(5.0);

    ExtractionAwareDeltaFunction<String, Integer> lengths = new ExtractionAwareDeltaFunction<>(String::length) {
      @Override
      public double getNestedDelta(Integer oldDataPoint, Integer newDataPoint) {
        return newDataPoint - oldDataPoint;
      }
    };
    assertThat(lengths.getDelta("ab", "abcde")).isEqualTo(3.0);
  }

  @Test
  void tupleAndArrayExtractorsTakeTheFieldsAsked() {
    Tuple3<String, Integer, Long> t = Tuple3.of("x", 7, 9L);
    assertThat(new FieldFromTuple<Integer>(1).extract(t)).isEqualTo(7);
    assertThat(new FieldsFromTuple(2, 1).extract(t)).containsExactly(9.0, 7.0);
    assertThat(new ArrayFromTuple().extract(t)).containsExactly("x", 7, 9L);
    assertThat(new ArrayFromTuple(2, 0).extract(t)).containsExactly(9L, "x");
    assertThat(new FieldFromArray<Integer>().extract(new int[] {4, 5})).isEqualTo(4);
    assertThat(new FieldFromArray<String>(1).extract(new String[] {"p", "q"})).isEqualTo("q");
    assertThat(new FieldsFromArray<>(Integer.class, 1, 0).extract(new int[] {4, 5})).containsExactly(5, 4);
    Extractor<Tuple2<String, double[]>, Double> firstComponent =
        new ConcatenatedExtract<Tuple2<String, double[]>, Object, Double>(tuple -> tuple.f1, new FieldFromArray<>(0))
            .add(x -> x * 10);
    assertThat(firstComponent.extract(Tuple2.of("v", new double[] {1.5, 2}))).isEqualTo(15.0);

    assertThatThrownBy(() -> new FieldsFromTuple(0).extract(t)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("field 0").hasMessageContaining("not a number");
    assertThatThrownBy(() -> new FieldFromTuple<>(3).extract(t)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("field 3").hasMessageContaining("3 fields");
    assertThatThrownBy(() -> new FieldFromArray<>(2).extract(new int[] {1})).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("index 2");
    assertThatThrownBy(() -> new FieldFromArray<>().extract("text")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.String, not an array");
    assertThatThrownBy(() -> new FieldsFromArray<>(String.class, 0).extract(new int[] {1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a java.lang.String");
    assertThatThrownBy(() -> new ArrayFromTuple(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
  }
}
