package io.spate.runtime.operators.spi;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.InvalidProgramException;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.operators.AbstractStreamOperator;
import io.spate.api.operators.OneInputStreamOperator;
import io.spate.api.operators.SimpleOperatorFactory;
import io.spate.api.operators.StreamOperatorParameters;
import io.spate.api.operators.TwoInputStreamOperator;
import io.spate.api.operators.WatermarkStatus;
import io.spate.api.typeinfo.Types;
import org.junit.jupiter.api.Test;

/** A bad use of {@code transform} fails when the graph is built, with a message naming the operator. */
class TransformMisuseTest {

  /** A two-input operator, which a one-input stream cannot run. */
  static final class Joiner extends AbstractStreamOperator<String> implements TwoInputStreamOperator<Long, Long, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public void processElement1(Long value, long timestamp) {}

    @Override
    public void processElement2(Long value, long timestamp) {}
  }

  /** An operator that cannot be copied for each parallel instance. */
  static final class NotSerializable implements OneInputStreamOperator<Long, String> {
    @Override
    public void setup(StreamOperatorParameters<String> parameters) {}

    @Override
    public void open() {}

    @Override
    public void processElement(Long value, long timestamp) {}

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
      return "not serializable";
    }
  }

  private static DataStream<Long> numbers() {
    return StreamExecutionEnvironment.getExecutionEnvironment().fromSequence(0, 9);
  }

  @Test
  void aNullOperatorIsRejected() {
    assertThatThrownBy(() -> numbers().transform("sums", Types.STRING, (OneInputStreamOperator<Long, String>) null))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("'sums'")
        .hasMessageContaining("must not be null");
  }

  @Test
  void aTwoInputOperatorOnOneInputIsRejected() {
    assertThatThrownBy(() -> numbers().transform("join", Types.STRING, SimpleOperatorFactory.of(new Joiner())))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("'join'")
        .hasMessageContaining(Joiner.class.getName())
        .hasMessageContaining("OneInputStreamOperator");
  }

  @Test
  void aMissingOutputTypeIsRejected() {
    assertThatThrownBy(() -> numbers().keyBy(x -> x % 2).transform("sums", null, new WindowSumOperator(10)))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("'sums'")
        .hasMessageContaining("output type");
  }

  @Test
  void anOperatorThatCannotBeCopiedIsRejected() {
    assertThatThrownBy(() -> numbers().transform("copy", Types.STRING, new NotSerializable()))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("'copy'")
        .hasMessageContaining(NotSerializable.class.getName())
        .hasMessageContaining("serializable");
  }
}
