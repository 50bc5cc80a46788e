package io.spate.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.InvalidProgramException;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.Collector;
import io.spate.api.functions.KeySelector;
import io.spate.api.typeinfo.Types;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Graph validation: precise messages that name the operator and say how to fix the program. */
class ValidationTest {

  /** A POJO without equals/hashCode: identity equality, unusable as a key. */
  public static class NoEquals {
    public long id;

    public NoEquals() {}

    public NoEquals(long id) {
      this.id = id;
    }
  }

  /** A record whose array component gives it identity equality on that component. */
  public record WithArray(String name, int[] ids) {}

  /** A record of values: fine as a key. */
  public record GoodKey(String name, int n) {}

  /** An enum: fine as a key. */
  public enum Color { RED, GREEN }

  private static StreamExecutionEnvironment env() {
    return StreamExecutionEnvironment.createLocalEnvironment(2);
  }

  @Test
  void parallelismAboveMaxParallelismOfTheJob() {
    StreamExecutionEnvironment env = env();
    env.setMaxParallelism(4);
    env.fromSequence(1, 10).map(x -> x).name("TooWide").setParallelism(8).discard();
    assertThatThrownBy(() -> env.execute("too-wide"))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("TooWide")
        .hasMessageContaining("8")
        .hasMessageContaining("4")
        .hasMessageContaining("setMaxParallelism");
  }

  @Test
  void parallelismAboveTheOperatorsOwnMaxParallelism() {
    StreamExecutionEnvironment env = env();
    env.fromSequence(1, 10).keyBy(x -> x % 3).reduce(Long::sum).name("Narrow").setParallelism(3).setMaxParallelism(2)
        .discard();
    assertThatThrownBy(() -> env.execute("narrow"))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("Narrow")
        .hasMessageContaining("parallelism 3")
        .hasMessageContaining("2");
  }

  @Test
  void flatMapLambdaWithoutReturnsNamesTheOperatorAndSuggestsReturns() {
    StreamExecutionEnvironment env = env();
    env.fromElements("a b", "c").flatMap((String line, Collector<String> out) -> {
      for (String w : line.split(" ")) {
        out.collect(w);
      }
    }).discard();
    assertThatThrownBy(() -> env.execute("untyped"))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("Flat Map")
        .hasMessageContaining("returns(");
  }

  @Test
  void flatMapLambdaWithoutReturnsNamesTheOperatorByTheNameTheUserGaveIt() {
    StreamExecutionEnvironment env = env();
    env.fromElements("a b", "c").flatMap((String line, Collector<String> out) -> {
      for (String w : line.split(" ")) {
        out.collect(w);
      }
    }).name("Tokenizer").discard();
    Throwable thrown = catchThrowable(() -> env.execute("untyped-named"));
    assertThat(thrown).isInstanceOf(InvalidProgramException.class);
    assertThat(thrown.getMessage()).contains("returns(");
    // the operator must be identifiable: by the name the user gave it, or by the line that created it
    assertThat(thrown.getMessage().contains("Tokenizer") || thrown.getMessage().contains("ValidationTest.java:"))
        .as("message identifies the operator named 'Tokenizer': %s", thrown.getMessage())
        .isTrue();
  }

  @Test
  void flatMapLambdaWithReturnsIsAccepted() {
    StreamExecutionEnvironment env = env();
    env.fromElements("a b", "c").flatMap((String line, Collector<String> out) -> out.collect(line))
        .returns(String.class).discard();
    assertThatCode(() -> env.getStreamGraph("typed")).doesNotThrowAnyException();
  }

  @Test
  void duplicateUidNamesBothOperators() {
    StreamExecutionEnvironment env = env();
    env.fromSequence(1, 10).map(x -> x).name("First").uid("same-uid")
        .map(x -> x + 1).name("Second").uid("same-uid").discard();
    assertThatThrownBy(() -> env.execute("duplicate-uid"))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("same-uid")
        .hasMessageContaining("First")
        .hasMessageContaining("Second");
  }

  @Test
  void allProblemsAreListedInOneMessage() {
    StreamExecutionEnvironment env = env();
    env.setMaxParallelism(4);
    env.fromSequence(1, 10).map(x -> x).name("A").uid("u")
        .map(x -> x).name("B").uid("u")
        .map(x -> x).name("Wide").setParallelism(5)
        .discard();
    Throwable thrown = catchThrowable(() -> env.execute("many-problems"));
    assertThat(thrown).isInstanceOf(InvalidProgramException.class);
    assertThat(thrown.getMessage()).contains("many-problems").contains("'u'").contains("Wide");
  }

  @Test
  void aJobWithoutSinksIsAClearError() {
    StreamExecutionEnvironment env = env();
    env.fromSequence(1, 10).map(x -> x);
    assertThatThrownBy(() -> env.execute("no-sinks"))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("no sinks");
  }

  @Test
  void pojoKeyWithoutEqualsIsRejectedAtKeyBy() {
    DataStream<Long> numbers = env().fromSequence(1, 10);
    assertThatThrownBy(() -> numbers.keyBy(new KeySelector<Long, NoEquals>() {
      @Override
      public NoEquals getKey(Long value) {
        return new NoEquals(value);
      }
    }))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("NoEquals")
        .hasMessageContaining("equals");
  }

  @Test
  void pojoKeyWithoutEqualsFromALambdaIsRejectedBeforeTheJobRuns() {
    StreamExecutionEnvironment env = env();
    assertThatThrownBy(() -> {
      env.fromSequence(1, 10).keyBy(x -> new NoEquals(x)).reduce((a, b) -> b).discard();
      env.execute("lambda-key");
    })
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("NoEquals");
  }

  @Test
  void arrayKeyIsRejectedAtKeyBy() {
    DataStream<Long> numbers = env().fromSequence(1, 10);
    assertThatThrownBy(() -> numbers.keyBy(new KeySelector<Long, int[]>() {
      @Override
      public int[] getKey(Long value) {
        return new int[] {(int) (long) value};
      }
    }))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("array");
  }

  @Test
  void recordKeyWithAnArrayComponentNamesTheField() {
    DataStream<Long> numbers = env().fromSequence(1, 10);
    assertThatThrownBy(() -> numbers.keyBy(new KeySelector<Long, WithArray>() {
      @Override
      public WithArray getKey(Long value) {
        return new WithArray("x", new int[] {1});
      }
    }))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("ids");
  }

  @Test
  void valueKeysAreAccepted() throws Exception {
    StreamExecutionEnvironment env = env();
    DataStream<Long> numbers = env.fromSequence(1, 1_000);
    E2eSupport.RecordingSink<Long> a = new E2eSupport.RecordingSink<>();
    E2eSupport.RecordingSink<Long> b = new E2eSupport.RecordingSink<>();
    E2eSupport.RecordingSink<Long> c = new E2eSupport.RecordingSink<>();
    numbers.keyBy(x -> new GoodKey("k", (int) (x % 3))).reduce(Long::sum).sinkTo(a);
    numbers.keyBy(x -> x % 2 == 0 ? Color.RED : Color.GREEN).reduce(Long::sum).sinkTo(b);
    numbers.keyBy(x -> List.of("k", String.valueOf(x % 4)), Types.LIST(Types.STRING)).reduce(Long::sum).sinkTo(c);
    E2eSupport.run(env, "value-keys");
    assertThat(a.landed()).hasSize(1_000);
    assertThat(b.landed()).hasSize(1_000);
    assertThat(c.landed()).hasSize(1_000);
    assertThat(b.values().stream().mapToLong(Long::longValue).max().orElseThrow())
        .isEqualTo(Math.max(250_500L, 250_000L)); // sum of evens 2..1000 and odds 1..999
  }

  @Test
  void aKeyTypeThatCannotBeInferredSuggestsTheKeyByOverloadThatTakesTheType() {
    // KeyedStream has no returns(...): the fix for a key selector is keyBy(selector, keyType)
    StreamExecutionEnvironment env = env();
    env.fromSequence(1, 10).keyBy(x -> List.of(String.valueOf(x))).reduce(Long::sum).discard();
    Throwable thrown = catchThrowable(() -> env.execute("untyped-key"));
    assertThat(thrown).isInstanceOf(InvalidProgramException.class);
    assertThat(thrown.getMessage()).contains("keyBy(");
  }

  @Test
  void aggregationOnAnUnknownFieldNamesTheField() {
    DataStream<GoodKey> keys = env().fromElements(new GoodKey("a", 1));
    assertThatThrownBy(() -> keys.keyBy(GoodKey::name).sum("nope"))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("nope");
  }
}
