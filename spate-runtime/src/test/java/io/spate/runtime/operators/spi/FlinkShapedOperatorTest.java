package io.spate.runtime.operators.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.ExecutionConfig;
import io.spate.api.common.OutputTag;
import io.spate.api.datastream.SingleOutputStreamOperator;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.Watermark;
import io.spate.api.functions.MapFunction;
import io.spate.api.functions.source.SourceFunction;
import io.spate.api.operators.AbstractStreamOperator;
import io.spate.api.operators.AbstractUdfStreamOperator;
import io.spate.api.operators.BoundedOneInput;
import io.spate.api.operators.ChainingStrategy;
import io.spate.api.operators.LatencyMarker;
import io.spate.api.operators.OneInputStreamOperator;
import io.spate.api.operators.OneInputStreamOperatorFactory;
import io.spate.api.operators.OutputTypeConfigurable;
import io.spate.api.operators.ProcessingTimeService;
import io.spate.api.operators.RecordAttributes;
import io.spate.api.operators.SimpleOperatorFactory;
import io.spate.api.operators.StreamOperator;
import io.spate.api.operators.StreamOperatorFactory;
import io.spate.api.operators.StreamOperatorParameters;
import io.spate.api.operators.StreamRecord;
import io.spate.api.operators.TwoInputStreamOperator;
import io.spate.api.operators.TwoInputStreamOperatorFactory;
import io.spate.api.operators.WatermarkStatus;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.typeinfo.Types;
import io.spate.runtime.source.SourceFunctionOperatorFactory;
import io.spate.runtime.state.snapshot.OperatorSubtaskState;
import io.spate.testing.OneInputTestHarness;
import io.spate.testing.TestHarnesses;
import io.spate.testing.TwoInputTestHarness;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Operators written in the shape of Flink's operator API run on Spate's runtime and behave as in Flink. */
class FlinkShapedOperatorTest {

  @Test
  void aFlinkShapedOperatorKeepsKeyedStateTimersAndOperatorStateAcrossASnapshot() throws Exception {
    OperatorSubtaskState snapshot;
    try (OneInputTestHarness<Long, String> before =
        TestHarnesses.forKeyedOperator(new WindowTotalsOperator(10), x -> x % 2)) {
      before.processElement(1L, 1).processElement(3L, 5).processElement(4L, 12);
      snapshot = before.snapshot(1, 100);
      before.processElement(100L, 6); // after the checkpoint: lost with the failure
    }
    try (OneInputTestHarness<Long, String> after =
        TestHarnesses.forKeyedOperator(new WindowTotalsOperator(10), x -> x % 2)) {
      after.initializeState(snapshot, 1).processElement(7L, 8);
      after.processWatermark(9);
      assertThat(after.getWatermarks()).containsExactly(9L);
      after.processElement(2L, 9); // at the watermark: late
      assertThat(after.getSideOutput(WindowTotalsOperator.LATE)).containsExactly(2L);
      after.processWatermark(Long.MAX_VALUE).endInput();
      assertThat(after.extractOutputValues()).containsExactlyInAnyOrder("1@9=11", "0@19=4", "seen=5");
      assertThat(after.getOutput()).allMatch(r -> !r.hasTimestamp());
    }
  }

  /** Doubles each value, as a Flink operator that only overrides processElement(StreamRecord). */
  static final class Doubler extends AbstractStreamOperator<Long> implements OneInputStreamOperator<Long, Long> {
    private static final long serialVersionUID = 1L;
    static final OutputTag<String> ODD = new OutputTag<>("odd", Types.STRING);

    @Override
    public void processElement(StreamRecord<Long> element) {
      if (element.getValue() % 2 != 0) {
        output.collect(ODD, new StreamRecord<>("odd " + element.getValue(), element.getTimestamp()));
      }
      output.collect(element.replace(element.getValue() * 2));
    }
  }

  @Test
  void recordsReachStreamRecordFormWithTheirTimestampsAndLeaveItTheSameWay() throws Exception {
    try (OneInputTestHarness<Long, Long> harness = TestHarnesses.forOperator(new Doubler())) {
      harness.processElement(3L, 7).processElement(4L);
      assertThat(harness.getOutput()).containsExactly(
          new io.spate.testing.StreamRecord<>(6L, 7), new io.spate.testing.StreamRecord<>(8L, Long.MIN_VALUE));
      assertThat(harness.getSideOutput(Doubler.ODD)).containsExactly("odd 3");
    }
  }

  /** Implements neither form of processElement. */
  static final class NoElements extends AbstractStreamOperator<Long> implements OneInputStreamOperator<Long, Long> {
    private static final long serialVersionUID = 1L;
  }

  @Test
  void anOperatorImplementingNeitherFormOfProcessElementFailsWhenSetUp() {
    assertThatThrownBy(() -> TestHarnesses.forOperator(new NoElements()).open())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("NoElements")
        .hasMessageContaining("processElement(value, timestamp) nor processElement(StreamRecord)");
  }

  /** Records what reaches Flink's per-input watermark methods; emits nothing itself. */
  static final class TwoInputs extends AbstractStreamOperator<String>
      implements TwoInputStreamOperator<String, String, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public void processElement1(StreamRecord<String> element) {
      output.collect(element.replace("1:" + element.getValue()));
    }

    @Override
    public void processElement2(String value, long timestamp) {
      output.collect("2:" + value, timestamp);
    }
  }

  @Test
  void perInputWatermarksCombineToTheMinimumOverTheActiveInputsAsInFlink() throws Exception {
    try (TwoInputTestHarness<String, String, String> harness = TestHarnesses.forOperator(new TwoInputs())) {
      harness.open();
      TwoInputs operator = (TwoInputs) harness.getOperator();
      operator.processWatermark1(new Watermark(5));
      assertThat(harness.getWatermarks()).isEmpty();
      operator.processWatermark2(new Watermark(3));
      assertThat(harness.getWatermarks()).containsExactly(3L);
      operator.processWatermarkStatus2(WatermarkStatus.IDLE);
      assertThat(harness.getWatermarks()).containsExactly(3L, 5L);
      assertThat(harness.getWatermarkStatuses()).isEmpty(); // one input is still active
      operator.processWatermarkStatus1(WatermarkStatus.IDLE);
      assertThat(harness.getWatermarkStatuses()).containsExactly(WatermarkStatus.IDLE);
      operator.processWatermarkStatus1(WatermarkStatus.ACTIVE);
      assertThat(harness.getWatermarkStatuses()).containsExactly(WatermarkStatus.IDLE, WatermarkStatus.ACTIVE);
      harness.processElement1("a", 1).processElement2("b", 2);
      assertThat(harness.extractOutputValues()).containsExactly("1:a", "2:b");
    }
  }

  /** A two-input operator not built on AbstractStreamOperator. */
  static final class Bare implements TwoInputStreamOperator<String, String, String> {
    @Override
    public void setup(StreamOperatorParameters<String> parameters) {}

    @Override
    public void open() {}

    @Override
    public void processElement1(String value, long timestamp) {}

    @Override
    public void processElement2(String value, long timestamp) {}

    @Override
    public void processWatermark(long watermark) {}

    @Override
    public void processWatermarkStatus(WatermarkStatus status) {}

    @Override
    public void finish() {}

    @Override
    public void close() {}

    @Override
    public String getName() {
      return "bare";
    }
  }

  @Test
  void twoInputOperatorsNotBuiltOnTheBaseClassRefusePerInputWatermarksWithAReason() {
    Bare bare = new Bare();
    assertThatThrownBy(() -> bare.processWatermarkStatus2(WatermarkStatus.IDLE))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("'bare'");
    assertThatThrownBy(() -> bare.setKeyContextElement1(new StreamRecord<>("a")))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("makes each record's key current");
    assertThatThrownBy(() -> bare.processWatermark1(new Watermark(1)))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("combines both inputs' watermarks");
  }

  /** Reads keyed state of the key that setKeyContextElement1 made current. */
  static final class KeyReader extends AbstractStreamOperator<String> implements OneInputStreamOperator<String, String> {
    private static final long serialVersionUID = 1L;
    private static final ValueStateDescriptor<String> LAST = new ValueStateDescriptor<>("last", Types.STRING);

    @Override
    public void processElement(String value, long timestamp) throws Exception {
      ValueState<String> last = getPartitionedState(LAST);
      output.collect(getCurrentKey() + ":" + last.value(), timestamp);
      last.update(value);
    }
  }

  @Test
  void setKeyContextElementMakesTheRecordsKeyCurrentByTheStateKeySelector() throws Exception {
    try (OneInputTestHarness<String, String> harness =
        TestHarnesses.forKeyedOperator(new KeyReader(), s -> s.substring(0, 1))) {
      harness.processElement("a1").processElement("b1");
      KeyReader operator = (KeyReader) harness.getOperator();
      operator.setKeyContextElement(new StreamRecord<>("a9"));
      assertThat(operator.getCurrentKey()).isEqualTo("a");
      assertThat(operator.getKeyedStateStore().getState(KeyReader.LAST).value()).isEqualTo("a1");
      operator.setKeyContextElement1(new StreamRecord<>("b9"));
      assertThat(operator.getKeyedStateStore().getState(KeyReader.LAST).value()).isEqualTo("b1");
    }
  }

  @Test
  void theGettersGiveWhatTheRuntimeCreated() throws Exception {
    try (OneInputTestHarness<Long, Long> harness = TestHarnesses.forOperator(new Doubler())) {
      harness.setSubtask(1, 3, 128).open();
      Doubler operator = (Doubler) harness.getOperator();
      assertThat(operator.getRuntimeContext().getTaskInfo().indexOfThisSubtask()).isEqualTo(1);
      assertThat(operator.getExecutionConfig()).isSameAs(operator.getRuntimeContext().getExecutionConfig());
      assertThat(operator.getUserCodeClassloader()).isNotNull();
      assertThat(operator.getKeyedStateStore()).isNull();
      assertThat(operator.getKeyedStateBackend()).isNull();
      assertThat(operator.getOperatorStateBackend().getListState(
          new io.spate.api.state.ListStateDescriptor<>("l", Types.LONG)).get()).isEmpty();
      ProcessingTimeService clock = new ProcessingTimeService() {
        @Override
        public long getCurrentProcessingTime() {
          return 42;
        }

        @Override
        public void registerTimer(long time, ProcessingTimeCallback callback) {}
      };
      operator.setProcessingTimeService(clock);
      assertThat(operator.getProcessingTimeService().getCurrentProcessingTime()).isEqualTo(42);
    }
  }

  @Test
  void latencyMarkersAndRecordAttributesAreRefusedWithAReasonWhenForwarded() throws Exception {
    try (OneInputTestHarness<Long, Long> harness = TestHarnesses.forOperator(new Doubler())) {
      harness.open();
      Doubler operator = (Doubler) harness.getOperator();
      assertThatThrownBy(() -> operator.processLatencyMarker(new LatencyMarker(1, "source", 0)))
          .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("no latency markers");
      assertThatThrownBy(() -> operator.processRecordAttributes(new RecordAttributes(true)))
          .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("no record attributes");
    }
  }

  /** Remembers the output type that transform hands over. */
  static final class TypeAware extends AbstractStreamOperator<String>
      implements OneInputStreamOperator<Long, String>, OutputTypeConfigurable<String> {
    private static final long serialVersionUID = 1L;
    transient TypeInformation<String> outputType;

    TypeAware() {
      setChainingStrategy(ChainingStrategy.NEVER);
    }

    @Override
    public void setOutputType(TypeInformation<String> outTypeInfo, ExecutionConfig executionConfig) {
      this.outputType = outTypeInfo;
    }

    @Override
    public void processElement(Long value, long timestamp) {
      output.collect(String.valueOf(value), timestamp);
    }
  }

  /** A function that wants its output type, as Flink's OutputTypeConfigurable functions do. */
  static final class TypedFunction implements MapFunction<Long, String>, OutputTypeConfigurable<String> {
    private static final long serialVersionUID = 1L;
    transient TypeInformation<String> outputType;

    @Override
    public void setOutputType(TypeInformation<String> outTypeInfo, ExecutionConfig executionConfig) {
      this.outputType = outTypeInfo;
    }

    @Override
    public String map(Long value) {
      return String.valueOf(value);
    }
  }

  /** Maps with its function, as a Flink operator around one function does. */
  static final class MapWith extends AbstractUdfStreamOperator<String, TypedFunction>
      implements OneInputStreamOperator<Long, String> {
    private static final long serialVersionUID = 1L;

    MapWith(TypedFunction function) {
      super(function);
    }

    @Override
    public void processElement(StreamRecord<Long> element) throws Exception {
      output.collect(element.replace(userFunction.map(element.getValue())));
    }
  }

  @Test
  void transformHandsOverTheOutputTypeAndKeepsTheOperatorsChainingStrategy() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    TypeAware operator = new TypeAware();
    SingleOutputStreamOperator<String> stream = env.fromSequence(1, 3).transform("typed", Types.STRING, operator);
    assertThat(operator.outputType).isEqualTo(Types.STRING);
    assertThat(stream.getTransformation().getChainingStrategy()).isEqualTo(ChainingStrategy.NEVER);

    TypedFunction function = new TypedFunction();
    MapWith mapWith = new MapWith(function);
    List<String> out = env.fromSequence(1, 3).transform("udf", Types.STRING, mapWith).executeAndCollect(10);
    assertThat(function.outputType).isEqualTo(Types.STRING);
    assertThat(out.stream().sorted().collect(Collectors.toList())).containsExactly("1", "2", "3");
    assertThat(mapWith.getUserFunctionParameters().toMap()).isEmpty();
  }

  @Test
  void aSimpleFactoryFollowsAndSetsItsOperatorsChainingStrategy() {
    TypeAware operator = new TypeAware();
    SimpleOperatorFactory<String> factory = SimpleOperatorFactory.of(operator);
    assertThat(factory.getChainingStrategy()).isEqualTo(ChainingStrategy.NEVER);
    factory.setChainingStrategy(ChainingStrategy.HEAD);
    assertThat(operator.getChainingStrategy()).isEqualTo(ChainingStrategy.HEAD);
    assertThat(factory.getStreamOperatorClass(getClass().getClassLoader())).isEqualTo(TypeAware.class);
    assertThat(factory.isOutputTypeConfigurable()).isTrue();
    assertThat(factory.isInputTypeConfigurable()).isFalse();
    assertThat(factory.isStreamSource()).isFalse();
  }

  /** Counts its records and emits the count when its input ends, then "finished". */
  static final class CountAtEnd extends AbstractStreamOperator<String>
      implements OneInputStreamOperator<Long, String>, BoundedOneInput {
    private static final long serialVersionUID = 1L;
    private transient long count;

    @Override
    public void processElement(StreamRecord<Long> element) {
      count++;
    }

    @Override
    public void endInput() {
      output.collect(new StreamRecord<>("count " + count));
    }

    @Override
    public void finish() {
      output.collect(new StreamRecord<>("finished"));
    }
  }

  @Test
  void aBoundedOneInputOperatorHearsOfTheEndOfItsInputBeforeItFinishes() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    List<String> out = env.fromSequence(1, 100).transform("count", Types.STRING, new CountAtEnd())
        .executeAndCollect(10);
    assertThat(out).containsExactly("count 100", "finished");
    try (OneInputTestHarness<Long, String> harness = TestHarnesses.forOperator(new CountAtEnd())) {
      harness.processElement(1L).processElement(2L).endInput();
      assertThat(harness.extractOutputValues()).containsExactly("count 2", "finished");
    }
  }

  /** A factory of Flink's one-input kind, creating a doubler per parallel instance. */
  static final class DoublerFactory implements OneInputStreamOperatorFactory<Long, Long> {
    private static final long serialVersionUID = 1L;

    @Override
    @SuppressWarnings("unchecked")
    public <T extends StreamOperator<Long>> T createStreamOperator(StreamOperatorParameters<Long> parameters) {
      Doubler doubler = new Doubler();
      doubler.setup(parameters);
      return (T) doubler;
    }
  }

  /** A factory of Flink's two-input kind, creating an operator that tags each record with its input. */
  static final class TaggingFactory implements TwoInputStreamOperatorFactory<Long, String, String> {
    private static final long serialVersionUID = 1L;

    @Override
    @SuppressWarnings("unchecked")
    public <T extends StreamOperator<String>> T createStreamOperator(StreamOperatorParameters<String> parameters) {
      Tagger tagger = new Tagger();
      tagger.setup(parameters);
      return (T) tagger;
    }
  }

  static final class Tagger extends AbstractStreamOperator<String> implements TwoInputStreamOperator<Long, String, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public void processElement1(StreamRecord<Long> element) {
      output.collect(new StreamRecord<>("number " + element.getValue(), element.getTimestamp()));
    }

    @Override
    public void processElement2(StreamRecord<String> element) {
      output.collect(new StreamRecord<>("text " + element.getValue(), element.getTimestamp()));
    }
  }

  @Test
  void aTwoInputFactoryOfFlinksKindIsAddedToConnectedStreams() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    List<String> out = env.fromSequence(1, 2).connect(env.fromData(List.of("a"), Types.STRING))
        .transform("tagged", Types.STRING, new TaggingFactory()).executeAndCollect(10);
    assertThat(out).containsExactlyInAnyOrder("number 1", "number 2", "text a");
  }

  @Test
  void factoriesOfFlinksKindsAreAddedAndTellWhatTheyCreate() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    List<Long> out = env.fromSequence(1, 3).transform("doubled", Types.LONG, new DoublerFactory()).executeAndCollect(10);
    assertThat(out.stream().sorted().collect(Collectors.toList())).containsExactly(2L, 4L, 6L);

    StreamOperatorFactory<Long> fixed = new DoublerFactory();
    assertThatThrownBy(() -> fixed.setChainingStrategy(ChainingStrategy.NEVER))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("DoublerFactory")
        .hasMessageContaining("disableChaining()");
    SourceFunction<String> source = new SourceFunction<>() {
      @Override
      public void run(SourceContext<String> ctx) {}

      @Override
      public void cancel() {}
    };
    SourceFunctionOperatorFactory<String> legacy = new SourceFunctionOperatorFactory<>(source);
    assertThat(legacy.isStreamSource()).isTrue();
    assertThat(legacy.isLegacySource()).isTrue();
    assertThat(new DoublerFactory().isLegacySource()).isFalse();
  }
}
