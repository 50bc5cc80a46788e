package io.spate.api.datastream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.InvalidProgramException;
import io.spate.api.common.RuntimeExecutionMode;
import io.spate.api.dag.FeedbackTransformation;
import io.spate.api.dag.IterationTailTransformation;
import io.spate.api.dag.StreamGraph;
import io.spate.api.dag.Transformation;
import io.spate.api.typeinfo.TypeHint;
import io.spate.api.typeinfo.Types;
import org.junit.jupiter.api.Test;

/** Building iterations: Flink's shapes, and a precise error for every misuse. */
class IterativeStreamTest {

  private static StreamExecutionEnvironment env() {
    return StreamExecutionEnvironment.createLocalEnvironment(2);
  }

  @Test
  void closeWithReturnsTheFeedbackAndAddsATailThatFeedsTheHead() {
    StreamExecutionEnvironment env = env();
    IterativeStream<Long> iteration = env.fromSequence(1, 10).iterate(100);
    DataStream<Long> feedback = iteration.map(v -> v - 1).filter(v -> v > 0);
    assertThat(iteration.closeWith(feedback)).isSameAs(feedback);
    iteration.map(v -> v).discard();

    StreamGraph graph = env.getStreamGraph("loop");
    FeedbackTransformation<?> head = (FeedbackTransformation<?>) iteration.getTransformation();
    assertThat(head.getFeedback()).isSameAs(feedback.getTransformation());
    assertThat(head.getMaxWaitTimeMillis()).isEqualTo(100);
    assertThat(graph.sinks()).anySatisfy(sink -> {
      assertThat(sink).isInstanceOf(IterationTailTransformation.class);
      assertThat(((IterationTailTransformation<?>) sink).getHead()).isSameAs(head);
      assertThat(sink.getInputs()).containsExactly(feedback.getTransformation());
    });
  }

  @Test
  void iterateWithoutWaitTimeNeverEndsByItself() {
    IterativeStream<Long> iteration = env().fromSequence(1, 10).iterate();
    assertThat(((FeedbackTransformation<?>) iteration.getTransformation()).getMaxWaitTimeMillis()).isZero();
    assertThat(iteration.getType()).isEqualTo(Types.LONG);
  }

  @Test
  void aNegativeWaitTimeIsRejected() {
    assertThatThrownBy(() -> env().fromSequence(1, 10).iterate(-5))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("maxWaitTimeMillis")
        .hasMessageContaining("-5");
  }

  @Test
  void anIterationClosesOnce() {
    IterativeStream<Long> iteration = env().fromSequence(1, 10).iterate();
    DataStream<Long> body = iteration.map(v -> v - 1);
    iteration.closeWith(body.filter(v -> v > 0));
    assertThatThrownBy(() -> iteration.closeWith(body.filter(v -> v > 1)))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("already closed")
        .hasMessageContaining("Feedback");
  }

  @Test
  void theFeedbackMustHaveTheHeadsParallelism() {
    IterativeStream<Long> iteration = env().fromSequence(1, 10).iterate();
    SingleOutputStreamOperator<Long> body = iteration.map(v -> v - 1).name("minus one").setParallelism(3);
    assertThatThrownBy(() -> iteration.closeWith(body))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("'minus one'")
        .hasMessageContaining("(3)")
        .hasMessageContaining("(2)")
        .hasMessageContaining("setParallelism");
  }

  @Test
  void theFeedbackMustComeFromTheIteration() {
    StreamExecutionEnvironment env = env();
    IterativeStream<Long> iteration = env.fromSequence(1, 10).iterate();
    DataStream<Long> unrelated = env.fromSequence(1, 5).map(v -> v).name("unrelated");
    assertThatThrownBy(() -> iteration.closeWith(unrelated))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("'unrelated'")
        .hasMessageContaining("not built from the iteration");
  }

  @Test
  void anIterationNeverClosedFailsAtExecute() {
    StreamExecutionEnvironment env = env();
    IterativeStream<Long> iteration = env.fromSequence(1, 10).iterate();
    iteration.map(v -> v).discard();
    assertThatThrownBy(env::execute)
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("never closed")
        .hasMessageContaining("closeWith");
  }

  @Test
  void anIterativeJobWithCheckpointingFailsAtExecuteSayingIterationsAreNotCheckpointed() {
    StreamExecutionEnvironment env = env();
    env.enableCheckpointing(1_000);
    IterativeStream<Long> iteration = env.fromSequence(1, 10).iterate();
    iteration.closeWith(iteration.filter(v -> v > 100));
    iteration.discard();
    assertThatThrownBy(env::execute)
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("iterations are not checkpointed")
        .hasMessageContaining("execution.checkpointing.interval");
  }

  @Test
  void anIterativeJobCannotRunInBatchMode() {
    StreamExecutionEnvironment env = env();
    env.setRuntimeMode(RuntimeExecutionMode.BATCH);
    IterativeStream<Long> iteration = env.fromSequence(1, 10).iterate(10);
    iteration.closeWith(iteration.filter(v -> v > 100));
    iteration.discard();
    assertThatThrownBy(() -> env.getStreamGraph("batch"))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("BATCH")
        .hasMessageContaining("STREAMING");
  }

  @Test
  void withFeedbackTypeConnectsTheInputWithAFeedbackOfThatType() {
    StreamExecutionEnvironment env = env();
    IterativeStream<Long> iteration = env.fromSequence(1, 10).iterate(50);
    IterativeStream.ConnectedIterativeStreams<Long, String> byClass = iteration.withFeedbackType(String.class);
    IterativeStream.ConnectedIterativeStreams<Long, String> byHint =
        iteration.withFeedbackType(new TypeHint<String>() {});
    IterativeStream.ConnectedIterativeStreams<Long, String> byInfo = iteration.withFeedbackType(Types.STRING);
    for (IterativeStream.ConnectedIterativeStreams<Long, String> c : java.util.List.of(byClass, byHint, byInfo)) {
      assertThat(c.getFirstInput().getType()).isEqualTo(Types.LONG);
      assertThat(c.getSecondInput().getType()).isEqualTo(Types.STRING);
      Transformation<String> head = c.getSecondInput().getTransformation();
      assertThat(head).isInstanceOf(FeedbackTransformation.class);
      assertThat(((FeedbackTransformation<String>) head).getInput()).isNull();
      assertThat(((FeedbackTransformation<String>) head).getMaxWaitTimeMillis()).isEqualTo(50);
    }
  }

  @Test
  void aConnectedIterationChecksItsFeedbackAndRefusesKeyBy() {
    StreamExecutionEnvironment env = env();
    IterativeStream.ConnectedIterativeStreams<Long, String> loop =
        env.fromSequence(1, 10).iterate().withFeedbackType(Types.STRING);
    SingleOutputStreamOperator<String> out = loop.map(new io.spate.api.functions.CoMapFunction<Long, String, String>() {
      @Override
      public String map1(Long value) {
        return value + "";
      }

      @Override
      public String map2(String value) {
        return value;
      }
    });
    assertThatThrownBy(() -> loop.closeWith(out.map(s -> s).setParallelism(1)))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("(1)")
        .hasMessageContaining("(2)");
    assertThat(loop.closeWith(out)).isSameAs(out);
    assertThatThrownBy(() -> loop.closeWith(out))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("already closed");
    assertThatThrownBy(() -> loop.keyBy(v -> v, s -> Long.parseLong(s)))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("iteration head");
  }

  @Test
  void withFeedbackTypeRejectsNull() {
    IterativeStream<Long> iteration = env().fromSequence(1, 10).iterate();
    assertThatThrownBy(() -> iteration.withFeedbackType((io.spate.api.typeinfo.TypeInformation<String>) null))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("feedback type");
  }
}
