package io.spate.runtime.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.failures.PaymentDeclined;
import io.spate.api.common.JobID;
import io.spate.runtime.execution.ExecutionAttemptID;
import io.spate.runtime.execution.ExecutionState;
import io.spate.runtime.execution.TaskExecutionState;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class PortableFailureTest {

  private static final ClusterObjectFilter FILTER = ClusterObjectFilter.ofMaxBytes(1 << 20);

  @Test
  void aFailureEveryProcessCanReadTravelsAsItself() {
    IOException failure = new IOException("disk gone", new IllegalStateException("inner"));
    assertThat(PortableFailure.of(failure)).isSameAs(failure);
    assertThat(PortableFailure.of(null)).isNull();
  }

  @Test
  void aUserFailureBecomesACopyWithClassMessageTraceAndCauses() {
    PaymentDeclined failure = new PaymentDeclined("card 42 declined", new IOException("gateway timeout"));
    failure.addSuppressed(new PaymentDeclined("retry declined too", null));

    Throwable portable = PortableFailure.of(failure);

    assertThat(portable).isInstanceOf(PortableFailure.class)
        .hasMessage("card 42 declined")
        .hasToString("com.example.failures.PaymentDeclined: card 42 declined");
    assertThat(portable.getStackTrace()).isEqualTo(failure.getStackTrace());
    assertThat(portable.getCause()).hasToString("java.io.IOException: gateway timeout");
    assertThat(portable.getSuppressed()).singleElement()
        .hasToString("com.example.failures.PaymentDeclined: retry declined too");
  }

  @Test
  void aTaskStateWithAUserFailurePassesTheClusterFilter() throws Exception {
    ExecutionAttemptID attempt = new ExecutionAttemptID(new JobID(1, 2), 3, 0, 0);
    TaskExecutionState state = new TaskExecutionState(attempt, ExecutionState.FAILED,
        new PaymentDeclined("card 7 declined", null), 10, 5);

    TaskExecutionState read = (TaskExecutionState) ClusterSerialization.deserialize(
        ClusterSerialization.serialize(state), getClass().getClassLoader(), FILTER);

    assertThat(read.attemptId()).isEqualTo(attempt);
    assertThat(read.state()).isEqualTo(ExecutionState.FAILED);
    assertThat(read.recordsIn()).isEqualTo(10);
    assertThat(read.failure()).hasToString("com.example.failures.PaymentDeclined: card 7 declined");
    // Without the copy, the filter refuses the user class.
    assertThat(canRead(new PaymentDeclined("x", null))).isFalse();
  }

  private static boolean canRead(Object value) {
    try {
      ClusterSerialization.deserialize(ClusterSerialization.serialize(value),
          PortableFailureTest.class.getClassLoader(), FILTER);
      return true;
    } catch (Exception e) {
      return false;
    }
  }
}
