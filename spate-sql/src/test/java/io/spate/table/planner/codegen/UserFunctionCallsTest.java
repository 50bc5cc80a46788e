package io.spate.table.planner.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.table.runtime.expr.ValueType.Kind;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * Which arguments generated code passes to a user's function directly, and in which representation:
 * as they are, or cast between Java's numeric primitives; anything else is left to the reflective call.
 */
class UserFunctionCallsTest {

  @Test
  void aValueGoesAsItIsToItsOwnClass() {
    assertThat(UserFunctionCalls.argument(String.class, Kind.VARCHAR)).isEqualTo(JavaRep.OBJECT);
    assertThat(UserFunctionCalls.argument(long.class, Kind.BIGINT)).isEqualTo(JavaRep.LONG);
    assertThat(UserFunctionCalls.argument(Boolean.class, Kind.BOOLEAN)).isEqualTo(JavaRep.BOOLEAN);
  }

  @Test
  void aNumberGoesCastToAParameterOfAnotherNumericPrimitiveOrItsBox() {
    assertThat(UserFunctionCalls.argument(Long.class, Kind.INT)).isEqualTo(JavaRep.LONG);
    assertThat(UserFunctionCalls.argument(long.class, Kind.SMALLINT)).isEqualTo(JavaRep.LONG);
    assertThat(UserFunctionCalls.argument(int.class, Kind.BIGINT)).isEqualTo(JavaRep.INT);
    assertThat(UserFunctionCalls.argument(Double.class, Kind.INT)).isEqualTo(JavaRep.DOUBLE);
    assertThat(UserFunctionCalls.argument(float.class, Kind.DOUBLE)).isEqualTo(JavaRep.FLOAT);
  }

  @Test
  void otherConversionsAreLeftToTheReflectiveCall() {
    assertThat(UserFunctionCalls.argument(double.class, Kind.DECIMAL)).isNull();
    assertThat(UserFunctionCalls.argument(BigDecimal.class, Kind.BIGINT)).isNull();
    assertThat(UserFunctionCalls.argument(Number.class, Kind.INT)).isNull();
    assertThat(UserFunctionCalls.argument(Object.class, Kind.BIGINT)).isNull();
    assertThat(UserFunctionCalls.argument(boolean.class, Kind.INT)).isNull();
    assertThat(UserFunctionCalls.argument(Long.class, Kind.BOOLEAN)).isNull();
    assertThat(UserFunctionCalls.argument(char.class, Kind.INT)).isNull();
    assertThat(UserFunctionCalls.argument(String.class, Kind.INT)).isNull();
    assertThat(UserFunctionCalls.argument(Long.class, Kind.VARCHAR)).isNull();
  }
}
