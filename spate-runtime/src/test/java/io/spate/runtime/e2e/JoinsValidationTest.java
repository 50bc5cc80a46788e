package io.spate.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.InvalidProgramException;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.KeyedStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.BroadcastProcessFunction;
import io.spate.api.functions.Collector;
import io.spate.api.functions.KeyedBroadcastProcessFunction;
import io.spate.api.functions.KeyedCoProcessFunction;
import io.spate.api.state.MapStateDescriptor;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Misuse of joins and broadcast state fails when the program is built, with a message that says why. */
class JoinsValidationTest {

  private final StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
  private final DataStream<String> words = env.fromElements("a", "b");
  private final KeyedStream<String, String> keyedWords = words.keyBy(w -> w);
  private static final MapStateDescriptor<String, String> RULES =
      new MapStateDescriptor<>("rules", String.class, String.class);

  static final class Echo extends KeyedCoProcessFunction<String, String, String, String> {
    @Override
    public void processElement1(String value, Context ctx, Collector<String> out) {}

    @Override
    public void processElement2(String value, Context ctx, Collector<String> out) {}
  }

  static final class NonKeyedBroadcast extends BroadcastProcessFunction<String, String, String> {
    @Override
    public void processElement(String value, ReadOnlyContext ctx, Collector<String> out) {}

    @Override
    public void processBroadcastElement(String value, Context ctx, Collector<String> out) {}
  }

  static final class KeyedBroadcast extends KeyedBroadcastProcessFunction<String, String, String, String> {
    @Override
    public void processElement(String value, ReadOnlyContext ctx, Collector<String> out) {}

    @Override
    public void processBroadcastElement(String value, Context ctx, Collector<String> out) {}
  }

  @Test
  void intervalJoinBoundsMustBeOrdered() {
    assertThatThrownBy(() -> keyedWords.intervalJoin(keyedWords).between(Duration.ofMillis(5), Duration.ofMillis(1)))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("lower bound (PT0.005S) must not be greater than the upper bound (PT0.001S)");
  }

  @Test
  void intervalJoinIsEventTimeOnly() {
    assertThatThrownBy(() -> keyedWords.intervalJoin(keyedWords).inProcessingTime()
        .between(Duration.ZERO, Duration.ofMillis(1)))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("only supported in event time");
  }

  @Test
  void intervalJoinNeedsEqualKeyTypes() {
    KeyedStream<String, Integer> byLength = words.keyBy(String::length);
    @SuppressWarnings({"unchecked", "rawtypes"})
    KeyedStream<String, String> mislabeled = (KeyedStream) byLength;
    assertThatThrownBy(() -> keyedWords.intervalJoin(mislabeled).between(Duration.ZERO, Duration.ZERO)
        .process(new io.spate.api.functions.ProcessJoinFunction<String, String, String>() {
          @Override
          public void processElement(String left, String right, Context ctx, Collector<String> out) {}
        }))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("key types of the joined streams differ");
  }

  @Test
  void keyedCoProcessNeedsBothStreamsKeyed() {
    assertThatThrownBy(() -> words.connect(keyedWords).process(new Echo()))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("needs both connected streams to be keyed");
  }

  @Test
  void connectedKeyedStreamsNeedEqualKeyTypes() {
    assertThatThrownBy(() -> keyedWords.connect(words.keyBy(String::length)).map(
        new io.spate.api.functions.CoMapFunction<String, String, String>() {
          public String map1(String v) { return v; }
          public String map2(String v) { return v; }
        }))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("key types of the connected keyed streams differ");
  }

  @Test
  void broadcastNeedsDistinctDescriptors() {
    assertThatThrownBy(() -> words.broadcast(new MapStateDescriptor<?, ?>[0]))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("at least one MapStateDescriptor");
    assertThatThrownBy(() -> words.broadcast(RULES, new MapStateDescriptor<>("rules", Integer.class, Integer.class)))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("named 'rules'");
  }

  @Test
  void broadcastFunctionsMatchTheKindOfStream() {
    assertThatThrownBy(() -> keyedWords.connect(words.broadcast(RULES)).process(new NonKeyedBroadcast()))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("use a KeyedBroadcastProcessFunction");
    assertThatThrownBy(() -> words.connect(words.broadcast(RULES)).process(new KeyedBroadcast()))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("needs a keyed stream");
  }
}
