package io.spate.api.datastream;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.dag.StreamGraph;
import io.spate.api.dag.Transformation;
import io.spate.api.typeinfo.Types;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Transformation ids are unique across environments, as in Flink, so that a job of one environment may
 * hold the transformations of another's streams (the table bridge's SQL jobs over a program's DataStreams).
 */
class TransformationIdsAcrossEnvironmentsTest {

  @Test
  void aJobBuiltOnAnotherEnvironmentsStreamHoldsEveryTransformationOnce() {
    StreamExecutionEnvironment program = new StreamExecutionEnvironment();
    DataStream<Long> doubled = program.fromSequence(1, 3).map(x -> x * 2, Types.LONG);
    StreamExecutionEnvironment job = new StreamExecutionEnvironment();
    job.fromSequence(1, 2).discard();
    new DataStream<>(job, doubled.getTransformation()).filter(x -> x > 2).discard();
    StreamGraph graph = job.getStreamGraph("job");
    List<Transformation<?>> transformations = graph.transformations();
    Set<Integer> ids = new HashSet<>();
    transformations.forEach(t -> ids.add(t.getId()));
    assertThat(ids).hasSameSizeAs(transformations);
    assertThat(transformations).hasSize(6).contains(doubled.getTransformation());
  }
}
