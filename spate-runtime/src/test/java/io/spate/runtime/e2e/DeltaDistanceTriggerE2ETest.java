package io.spate.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.windowing.CosineDistance;
import io.spate.api.functions.windowing.EuclideanDistance;
import io.spate.api.tuple.Tuple3;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.typeinfo.Types;
import io.spate.api.windowing.assigners.GlobalWindows;
import io.spate.api.windowing.triggers.DeltaTrigger;
import io.spate.api.windowing.triggers.PurgingTrigger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DeltaTrigger with Flink's vector distances, in a job: a window fires once a point moves far enough. */
class DeltaDistanceTriggerE2ETest {

  private static final TypeInformation<Tuple3<String, Double, Double>> POINT =
      Types.TUPLE(Types.STRING, Types.DOUBLE, Types.DOUBLE);

  /** (id, x, y) of two objects moving in the plane. */
  private static final List<Tuple3<String, Double, Double>> POINTS = List.of(
      Tuple3.of("p", 0.0, 0.0), Tuple3.of("q", 1.0, 0.0), Tuple3.of("p", 1.0, 1.0), Tuple3.of("q", 1.0, 1.0),
      Tuple3.of("p", 3.0, 4.0), Tuple3.of("q", -1.0, 0.0), Tuple3.of("p", 3.0, 5.0), Tuple3.of("p", 6.0, 8.0));

  @Test
  void euclideanAndCosineDistancesFireWindowsInAJob() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    // p: (3,4) is 5 from (0,0) and fires [(0,0),(1,1),(3,4)]; (6,8) is 5 from (3,4) and fires the rest
    assertThat(E2eSupport.collect(env.fromData(POINTS, POINT).keyBy(p -> p.f0).window(GlobalWindows.create())
        .trigger(PurgingTrigger.of(DeltaTrigger.of(4.5,
            new EuclideanDistance<Tuple3<String, Double, Double>>(p -> new double[] {p.f1, p.f2}), POINT)))
        .reduce((a, b) -> Tuple3.of(a.f0, a.f1 + b.f1, a.f2 + b.f2))))
        .containsExactlyInAnyOrder(Tuple3.of("p", 4.0, 5.0), Tuple3.of("p", 9.0, 13.0));

    // q turns by 45 degrees (distance 1 - cos 45° ≈ 0.29), then by 180 degrees from (1,0) (distance 2)
    assertThat(E2eSupport.collect(env.fromData(POINTS, POINT).keyBy(p -> p.f0).window(GlobalWindows.create())
        .trigger(PurgingTrigger.of(DeltaTrigger.of(1.0,
            new CosineDistance<Tuple3<String, Double, Double>>(p -> new double[] {p.f1, p.f2}), POINT)))
        .reduce((a, b) -> Tuple3.of(a.f0, a.f1 + b.f1, a.f2 + b.f2))))
        .containsExactly(Tuple3.of("q", 1.0, 1.0));
  }
}
