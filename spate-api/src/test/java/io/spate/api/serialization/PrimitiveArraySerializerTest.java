package io.spate.api.serialization;

import static io.spate.api.serialization.SerializationTesting.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import org.junit.jupiter.api.Test;

class PrimitiveArraySerializerTest {

  /** Arrays of a boolean, byte, short and char. */
  record NarrowArrays(boolean[] z, byte[] b, short[] s, char[] c) {}

  /** Arrays of an int, long, float and double. */
  record WideArrays(int[] i, long[] l, float[] f, double[] d) {}

  @Test
  void everyPrimitiveArrayRoundTrips() {
    int max = BasicValueGenerators.DEFAULT_MAX_SIZE;
    qt().withExamples(100)
        .forAll(BasicValueGenerators.booleanArrays().zip(BasicValueGenerators.byteArrays(0, max),
                BasicValueGenerators.shortArrays(), BasicValueGenerators.charArrays(), NarrowArrays::new),
            BasicValueGenerators.intArrays(0, max).zip(BasicValueGenerators.longArrays(),
                BasicValueGenerators.floatArrays(), BasicValueGenerators.doubleArrays(), WideArrays::new))
        .checkAssert((narrow, wide) -> everyArrayRoundTrips(narrow.z(), narrow.b(), narrow.s(), narrow.c(),
            wide.i(), wide.l(), wide.f(), wide.d()));
  }

  private static void everyArrayRoundTrips(
      boolean[] z, byte[] b, short[] s, char[] c, int[] i, long[] l, float[] f, double[] d) {
    assertThat(roundTrip(PrimitiveArraySerializer.forArrayClass(boolean[].class), z)).isEqualTo(z);
    assertThat(roundTrip(PrimitiveArraySerializer.forArrayClass(byte[].class), b)).isEqualTo(b);
    assertThat(roundTrip(PrimitiveArraySerializer.forArrayClass(short[].class), s)).isEqualTo(s);
    assertThat(roundTrip(PrimitiveArraySerializer.forArrayClass(char[].class), c)).isEqualTo(c);
    assertThat(roundTrip(PrimitiveArraySerializer.forArrayClass(int[].class), i)).isEqualTo(i);
    assertThat(roundTrip(PrimitiveArraySerializer.forArrayClass(long[].class), l)).isEqualTo(l);
    assertThat(roundTrip(PrimitiveArraySerializer.forArrayClass(float[].class), f)).isEqualTo(f);
    assertThat(roundTrip(PrimitiveArraySerializer.forArrayClass(double[].class), d)).isEqualTo(d);
  }

  @Test
  void copiesAreIndependent() {
    qt().withExamples(50).forAll(BasicValueGenerators.intArrays(0, BasicValueGenerators.DEFAULT_MAX_SIZE))
        .checkAssert(PrimitiveArraySerializerTest::copyIsIndependent);
  }

  private static void copyIsIndependent(int[] values) {
    if (values.length == 0) {
      return;
    }
    PrimitiveArraySerializer<int[]> serializer = PrimitiveArraySerializer.forArrayClass(int[].class);
    int[] copy = serializer.copy(values);
    assertThat(copy).isEqualTo(values).isNotSameAs(values);
    int before = values[0];
    copy[0]++;
    assertThat(values[0]).isEqualTo(before);
  }

  @Test
  void onlyPrimitiveArraysAreAccepted() {
    assertThatThrownBy(() -> PrimitiveArraySerializer.forArrayClass(String[].class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[Ljava.lang.String;");
    assertThat(SerializationTesting.javaSerialized(PrimitiveArraySerializer.forArrayClass(byte[].class)))
        .isSameAs(PrimitiveArraySerializer.ByteArray.INSTANCE);
  }
}
