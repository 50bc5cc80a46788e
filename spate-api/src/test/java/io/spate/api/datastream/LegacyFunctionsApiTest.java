package io.spate.api.datastream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.InvalidProgramException;
import io.spate.api.common.RuntimeExecutionMode;
import io.spate.api.connector.sink.lib.DiscardingSink;
import io.spate.api.dag.SinkTransformation;
import io.spate.api.dag.SourceTransformation;
import io.spate.api.functions.sink.SinkFunction;
import io.spate.api.functions.sink.SinkFunctionSink;
import io.spate.api.functions.source.RichParallelSourceFunction;
import io.spate.api.functions.source.SourceFunction;
import io.spate.api.functions.source.SourceFunctionSource;
import io.spate.api.typeinfo.InvalidTypesException;
import io.spate.api.typeinfo.ResultTypeQueryable;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.typeinfo.Types;
import org.junit.jupiter.api.Test;

/** addSource and addSink build the graph as Flink's do: names, parallelism, types, boundedness. */
class LegacyFunctionsApiTest {

  static final class Words implements SourceFunction<String> {
    private static final long serialVersionUID = 1L;

    @Override
    public void run(SourceContext<String> ctx) {
      ctx.collect("word");
    }

    @Override
    public void cancel() {}
  }

  static final class ParallelNumbers extends RichParallelSourceFunction<Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public void run(SourceContext<Long> ctx) {
      ctx.collect(1L);
    }

    @Override
    public void cancel() {}
  }

  /** Its type argument is left open, so only the function can tell its type. */
  static final class Anything<T> implements SourceFunction<T>, ResultTypeQueryable<T> {
    private static final long serialVersionUID = 1L;
    private final TypeInformation<T> type;

    Anything(TypeInformation<T> type) {
      this.type = type;
    }

    @Override
    public void run(SourceContext<T> ctx) {}

    @Override
    public void cancel() {}

    @Override
    public TypeInformation<T> getProducedType() {
      return type;
    }
  }

  static final class Untyped<T> implements SourceFunction<T> {
    private static final long serialVersionUID = 1L;

    @Override
    public void run(SourceContext<T> ctx) {}

    @Override
    public void cancel() {}
  }

  private static StreamExecutionEnvironment env() {
    return StreamExecutionEnvironment.createLocalEnvironment(4);
  }

  @Test
  void aSourceFunctionRunsWithParallelismOneUnderItsDefaultName() {
    DataStreamSource<String> words = env().addSource(new Words());
    assertThat(words.getParallelism()).isEqualTo(1);
    assertThat(words.getType()).isEqualTo(Types.STRING);
    assertThat(words.getTransformation().getName()).isEqualTo("Custom Source");
    SourceTransformation<String> source = (SourceTransformation<String>) words.getTransformation();
    assertThat(((SourceFunctionSource<String>) source.getSource()).getFunction()).isInstanceOf(Words.class);
    assertThat(words.setParallelism(1).getParallelism()).isEqualTo(1);
  }

  @Test
  void aNonParallelSourceFunctionCannotRunInParallel() {
    DataStreamSource<String> words = env().addSource(new Words(), "Words");
    assertThatThrownBy(() -> words.setParallelism(2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("parallelism of non parallel operator must be 1")
        .hasMessageContaining("'Words'")
        .hasMessageContaining(Words.class.getName())
        .hasMessageContaining("ParallelSourceFunction");
  }

  @Test
  void aParallelSourceFunctionTakesAnyParallelism() {
    StreamExecutionEnvironment env = env();
    DataStreamSource<Long> numbers = env.addSource(new ParallelNumbers(), "Numbers");
    assertThat(numbers.getType()).isEqualTo(Types.LONG);
    DataStreamSource<Long> same = numbers.setParallelism(3);
    assertThat(same).isSameAs(numbers);
    assertThat(numbers.getParallelism()).isEqualTo(3);
  }

  @Test
  void theTypeComesFromTheArgumentThenTheFunctionThenItsTypeArguments() {
    StreamExecutionEnvironment env = env();
    assertThat(env.addSource(new Untyped<String>(), Types.STRING).getType()).isEqualTo(Types.STRING);
    assertThat(env.addSource(new Untyped<Integer>(), "Given", Types.INT).getType()).isEqualTo(Types.INT);
    assertThat(env.addSource(new Anything<>(Types.DOUBLE)).getType()).isEqualTo(Types.DOUBLE);
    assertThat(env.addSource(new ParallelNumbers()).getType()).isEqualTo(Types.LONG);
  }

  @Test
  void aTypeThatCannotBeFoundFailsWhereItIsUsedAskingForTheOverloadWithTheType() {
    DataStreamSource<String> stream = env().addSource(new Untyped<>(), "Mystery");
    assertThatThrownBy(() -> stream.getType().createSerializer())
        .isInstanceOf(InvalidTypesException.class)
        .hasMessageContaining("'Mystery'")
        .hasMessageContaining(Untyped.class.getName())
        .hasMessageContaining("addSource(function, sourceName, typeInfo)");
  }

  @Test
  void aNullFunctionIsRejected() {
    assertThatThrownBy(() -> env().addSource((SourceFunction<String>) null))
        .isInstanceOf(InvalidProgramException.class).hasMessageContaining("addSource");
    DataStreamSource<String> words = env().addSource(new Words());
    assertThatThrownBy(() -> words.addSink(null))
        .isInstanceOf(InvalidProgramException.class).hasMessageContaining("addSink");
  }

  @Test
  void addSinkEndsTheStreamInASinkOfTheFunction() {
    SinkFunction<String> function = new SinkFunction<>() {
      @Override
      public void invoke(String value) {}
    };
    DataStreamSink<String> sink = env().addSource(new Words()).addSink(function).name("Out");
    SinkTransformation<String> transformation = sink.getTransformation();
    assertThat(transformation.getName()).isEqualTo("Out");
    assertThat(((SinkFunctionSink<String>) transformation.getSink()).getFunction()).isSameAs(function);
  }

  @Test
  void theDiscardingSinkServesBothSinkToAndAddSink() {
    DataStreamSource<String> words = env().addSource(new Words());
    DiscardingSink<String> discarding = new DiscardingSink<>();
    assertThat(words.addSink(discarding).getTransformation().getSink()).isInstanceOf(SinkFunctionSink.class);
    assertThat(words.sinkTo(discarding).getTransformation().getSink()).isSameAs(discarding);
  }

  @Test
  void aSourceFunctionIsUnboundedAsInFlink() {
    StreamExecutionEnvironment automatic = env();
    automatic.addSource(new Words()).addSink(new DiscardingSink<>());
    assertThat(automatic.getStreamGraph("auto").runtimeMode()).isEqualTo(RuntimeExecutionMode.STREAMING);

    StreamExecutionEnvironment batch = env();
    batch.setRuntimeMode(RuntimeExecutionMode.BATCH);
    batch.addSource(new Words(), "Words").addSink(new DiscardingSink<>());
    assertThatThrownBy(() -> batch.getStreamGraph("batch"))
        .isInstanceOf(InvalidProgramException.class).hasMessageContaining("'Words'").hasMessageContaining("unbounded");
  }
}
