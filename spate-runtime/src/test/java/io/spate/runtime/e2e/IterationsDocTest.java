package io.spate.runtime.e2e;

import static io.spate.runtime.e2e.E2eSupport.collect;
import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.IterativeStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/** The snippet of docs/datastream-api.md, "Iterations", compiled and run (DocsSnippetsTest checks that they match). */
class IterationsDocTest {

  @Test
  void numbersGoRoundUntilZero() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    DataStream<Long> numbers = env.fromSequence(1, 20);

    IterativeStream<Long> iteration = numbers.iterate(1_000);    // ends 1 s after the last record came back
    DataStream<Long> minusOne = iteration.map(v -> v - 1);
    iteration.closeWith(minusOne.filter(v -> v > 0));            // goes round again
    DataStream<Long> zeros = minusOne.filter(v -> v == 0);       // leaves the loop

    assertThat(collect(zeros)).containsExactlyElementsOf(Collections.nCopies(20, 0L));
  }
}
