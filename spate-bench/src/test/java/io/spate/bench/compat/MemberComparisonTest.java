package io.spate.bench.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MemberComparisonTest {

  private static MemberModel method(String name, String returnType, String... parameters) {
    return new MemberModel(name, List.of(parameters), returnType, true, false, false, false, false);
  }

  private static MemberModel staticMethod(String name, String returnType, String... parameters) {
    return new MemberModel(name, List.of(parameters), returnType, true, true, false, false, false);
  }

  private static ClassModel type(String name, String superName, List<String> interfaces, MemberModel... members) {
    return new ClassModel(name, "spate-api", true, false, false, false, null, superName, interfaces, List.of(members));
  }

  private final ClassModel spateStream = type("io.spate.api.datastream.DataStream", "java.lang.Object", List.of(),
      method("map", "io.spate.api.datastream.SingleOutputStreamOperator", "io.spate.api.functions.MapFunction"),
      method("union", "io.spate.api.datastream.DataStream", "io.spate.api.datastream.DataStream[]"),
      method("windowAll", "io.spate.api.datastream.AllWindowedStream", "java.time.Duration"),
      staticMethod("helper", "void"),
      method("instanceOnly", "void"));
  private final ClassModel spateOperator = type("io.spate.api.datastream.SingleOutputStreamOperator",
      "io.spate.api.datastream.DataStream", List.of());
  private final ClassModel spateMap = type("io.spate.api.functions.MapFunction", null, List.of());
  private final ClassModel spateAllWindowed = type("io.spate.api.datastream.AllWindowedStream", "java.lang.Object", List.of());

  private final SpateMirrors mirrors = new SpateMirrors(
      new ClassIndex(List.of(spateStream, spateOperator, spateMap, spateAllWindowed)), List.of("spate-api"));
  private final MemberComparison comparison = new MemberComparison(mirrors);

  @Test
  void aMethodWithMirroredParameterAndReturnTypesIsPresent() {
    MemberVerdict verdict = comparison.compare(method("map",
        "org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator",
        "org.apache.flink.api.common.functions.MapFunction"), spateStream);

    assertThat(verdict.status()).isEqualTo(MemberVerdict.Status.PRESENT);
    assertThat(verdict.spateParameterTypes()).containsExactly("io.spate.api.functions.MapFunction");
  }

  @Test
  void arraysOfMirroredTypesMapElementByElement() {
    MemberVerdict verdict = comparison.compare(method("union", "org.apache.flink.streaming.api.datastream.DataStream",
        "org.apache.flink.streaming.api.datastream.DataStream[]"), spateStream);

    assertThat(verdict.status()).isEqualTo(MemberVerdict.Status.PRESENT);
  }

  @Test
  void aReturnTypeThatIsASubtypeOfFlinksCounts() {
    MemberVerdict verdict = comparison.compare(method("map", "org.apache.flink.streaming.api.datastream.DataStream",
        "org.apache.flink.api.common.functions.MapFunction"), spateStream);

    assertThat(verdict.status()).isEqualTo(MemberVerdict.Status.PRESENT);
  }

  @Test
  void aReturnTypeThatIsNotASubtypeIsTypedDifferently() {
    MemberVerdict verdict = comparison.compare(method("union", "org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator",
        "org.apache.flink.streaming.api.datastream.DataStream[]"), spateStream);

    assertThat(verdict.status()).isEqualTo(MemberVerdict.Status.TYPED_DIFFERENTLY);
    assertThat(verdict.how()).isEqualTo("returns DataStream where Flink's returns SingleOutputStreamOperator");
  }

  @Test
  void aParameterOfAFlinkTypeSpateLacksIsTypedDifferentlyAndSaysWhich() {
    MemberVerdict verdict = comparison.compare(method("windowAll", "org.apache.flink.streaming.api.datastream.AllWindowedStream",
        "org.apache.flink.streaming.api.windowing.time.Time"), spateStream);

    assertThat(verdict.status()).isEqualTo(MemberVerdict.Status.TYPED_DIFFERENTLY);
    assertThat(verdict.how()).isEqualTo("Spate takes (Duration) (Spate has no Time)");
  }

  @Test
  void aStaticFlinkMethodThatIsAnInstanceMethodInSpateIsTypedDifferently() {
    MemberVerdict verdict = comparison.compare(staticMethod("instanceOnly", "void"), spateStream);

    assertThat(verdict.status()).isEqualTo(MemberVerdict.Status.TYPED_DIFFERENTLY);
    assertThat(verdict.how()).contains("static in Flink");
  }

  @Test
  void aMethodOfAnotherNameIsMissing() {
    assertThat(comparison.compare(method("iterate", "org.apache.flink.streaming.api.datastream.IterativeStream"), spateStream)
        .status()).isEqualTo(MemberVerdict.Status.MISSING);
  }

  @Test
  void methodsInheritedFromASpateSuperclassCount() {
    MemberVerdict verdict = comparison.compare(method("map",
        "org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator",
        "org.apache.flink.api.common.functions.MapFunction"), spateOperator);

    assertThat(verdict.status()).isEqualTo(MemberVerdict.Status.PRESENT);
  }

  @Test
  void methodsInheritedFromTheJdkCount() {
    ClassModel spateException = type("io.spate.api.common.InvalidProgramException", "java.lang.RuntimeException", List.of());
    MemberComparison withException = new MemberComparison(new SpateMirrors(new ClassIndex(List.of(spateException)), List.of()));

    assertThat(withException.compare(method("getMessage", "java.lang.String"), spateException).status())
        .isEqualTo(MemberVerdict.Status.PRESENT);
  }
}
