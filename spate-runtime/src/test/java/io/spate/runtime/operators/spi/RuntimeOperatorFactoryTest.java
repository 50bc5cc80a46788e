package io.spate.runtime.operators.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.spate.api.common.JobExecutionException;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.operators.builtin.KeyedReduceOperatorFactory;
import io.spate.api.operators.builtin.RuntimeOperatorFactory;
import io.spate.api.typeinfo.Types;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Built-in operators that the runtime implements are described by the API's factories and created
 * by what the runtime registered for each factory class.
 */
class RuntimeOperatorFactoryTest {

  /** A factory that no runtime registers. */
  record Unregistered() implements RuntimeOperatorFactory<Long> {}

  @Test
  void aRegisteredFactoryCreatesTheRuntimesOperator() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    var sums = env.fromSequence(1, 10).keyBy(x -> x % 2, Types.LONG).reduce(Long::sum);
    assertThat(sums.getTransformation()).extracting("operatorFactory").isInstanceOf(KeyedReduceOperatorFactory.class);
    List<Long> out = sums.executeAndCollect(100);
    // the running sums of the odd and of the even numbers, each ending with its total
    assertThat(out).hasSize(10).contains(25L, 30L);
  }

  @Test
  void anUnregisteredFactoryFailsTheJobNamingTheOperator() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.fromSequence(1, 3).transform("made up", Types.LONG, new Unregistered()).discard();
    Throwable thrown = catchThrowable(() -> env.execute("unregistered"));
    assertThat(thrown).isInstanceOf(JobExecutionException.class)
        .hasStackTraceContaining("Operator 'made up' is a built-in operator that the runtime implements")
        .hasStackTraceContaining(Unregistered.class.getName());
  }
}
