package io.spate.runtime.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.RichMapFunction;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A running function asking for a DataSet broadcast variable gets Flink's streaming answer: an error pointing to broadcast state. */
class RuntimeContextBroadcastVariablesTest {

  /** Reports what each broadcast-variable call of its runtime context answered. */
  static final class AsksForBroadcastVariables extends RichMapFunction<Long, String> {
    @Override
    public String map(Long value) {
      String has;
      try {
        has = "answered " + getRuntimeContext().hasBroadcastVariable("rules");
      } catch (UnsupportedOperationException e) {
        has = e.getMessage();
      }
      String get;
      try {
        get = "answered " + getRuntimeContext().getBroadcastVariable("rules");
      } catch (UnsupportedOperationException e) {
        get = e.getMessage();
      }
      return has + " | " + get;
    }
  }

  @Test
  void hasAndGetBroadcastVariableFailAsInFlinksStreamingContext() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    List<String> answers = env.fromSequence(1, 1).map(new AsksForBroadcastVariables()).executeAndCollect(10);

    assertThat(answers).hasSize(1);
    String[] parts = answers.get(0).split(" \\| ");
    assertThat(parts).hasSize(2).allSatisfy(part -> assertThat(part)
        .startsWith("Broadcast variables can only be used in DataSet programs")
        .contains("'rules'")
        .contains("broadcast state"));
  }
}
