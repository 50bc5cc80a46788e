package io.spate.runtime.operators.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.InvalidProgramException;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.operators.AbstractStreamOperator;
import io.spate.api.operators.InFlightOperator;
import io.spate.api.operators.OneInputStreamOperator;
import io.spate.api.operators.SimpleOperatorFactory;
import io.spate.api.operators.TwoInputStreamOperator;
import io.spate.api.typeinfo.Types;
import io.spate.runtime.graph.JobGraph;
import io.spate.runtime.graph.JobGraphGenerator;
import io.spate.runtime.graph.StreamNode;
import java.util.ArrayDeque;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * An operator of the SPI that keeps records in flight says so through its factory: it heads its
 * chain, and the task feeds it only while it takes input and drains it at the end of the input.
 */
class InFlightOperatorTest {

  /** Holds up to two records and emits the oldest when a third arrives or at the end of the input. */
  static final class HoldTwo extends AbstractStreamOperator<Long>
      implements OneInputStreamOperator<Long, Long>, InFlightOperator {
    private static final long serialVersionUID = 1L;
    private transient ArrayDeque<Long> held;
    private transient boolean ending;

    @Override
    public void open() {
      held = new ArrayDeque<>();
    }

    @Override
    public void processElement(Long value, long timestamp) {
      held.add(value);
    }

    @Override
    public boolean canTakeInput() {
      return held.size() < 2;
    }

    @Override
    public boolean runCompletions() {
      if (held.size() == 2 || (ending && !held.isEmpty())) {
        output.collect(held.poll(), Long.MIN_VALUE);
        return true;
      }
      return false;
    }

    @Override
    public boolean hasInFlight() {
      ending = true; // asked only once the input has ended
      return !held.isEmpty();
    }
  }

  /** A two-input operator claiming to keep records in flight, which the task cannot feed that way. */
  static final class TwoInputInFlight extends AbstractStreamOperator<Long>
      implements TwoInputStreamOperator<Long, Long, Long>, InFlightOperator {
    private static final long serialVersionUID = 1L;

    @Override
    public void processElement1(Long value, long timestamp) {}

    @Override
    public void processElement2(Long value, long timestamp) {}

    @Override
    public boolean canTakeInput() {
      return true;
    }

    @Override
    public boolean runCompletions() {
      return false;
    }

    @Override
    public boolean hasInFlight() {
      return false;
    }
  }

  @Test
  void itHeadsItsChain() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.fromSequence(1, 100).name("src").map(x -> x * 2).name("double")
        .transform("hold two", Types.LONG, new HoldTwo()).map(x -> x + 1).name("plus one").discard();
    JobGraph graph = JobGraphGenerator.generate(env.getStreamGraph("in-flight"));
    List<List<String>> chains = graph.vertices().stream()
        .map(v -> v.getChain().stream().map(StreamNode::getName).collect(Collectors.toList()))
        .collect(Collectors.toList());
    assertThat(chains).hasSize(2);
    assertThat(chains.get(0)).containsExactly("src", "double");
    assertThat(chains.get(1)).startsWith("hold two", "plus one");
  }

  @Test
  void theTaskFeedsItWhileItTakesInputAndDrainsItAtTheEnd() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    List<Long> out = env.fromSequence(1, 100).map(x -> x * 2)
        .transform("hold two", Types.LONG, new HoldTwo()).map(x -> x + 1).executeAndCollect(1_000);
    assertThat(out).containsExactlyElementsOf(LongStream.rangeClosed(1, 100).mapToObj(x -> x * 2 + 1).toList());
  }

  @Test
  void onlyAOneInputOperatorMayKeepRecordsInFlight() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    assertThatThrownBy(() -> env.fromSequence(1, 3).connect(env.fromSequence(1, 3))
            .transform("pairs in flight", Types.LONG, SimpleOperatorFactory.of(new TwoInputInFlight())))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("'pairs in flight'")
        .hasMessageContaining("only a one-input operator may keep records in flight");
  }
}
