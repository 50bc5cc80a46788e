package io.spate.api.serialization;

import static io.spate.api.serialization.SerializationTesting.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class PrimitiveArraySerializerTest {

  @Property(tries = 100)
  void everyPrimitiveArrayRoundTrips(
      @ForAll boolean[] z, @ForAll byte[] b, @ForAll short[] s, @ForAll char[] c, @ForAll int[] i,
      @ForAll long[] l, @ForAll float[] f, @ForAll double[] d) {
    assertThat(roundTrip(PrimitiveArraySerializer.forArrayClass(boolean[].class), z)).isEqualTo(z);
    assertThat(roundTrip(PrimitiveArraySerializer.forArrayClass(byte[].class), b)).isEqualTo(b);
    assertThat(roundTrip(PrimitiveArraySerializer.forArrayClass(short[].class), s)).isEqualTo(s);
    assertThat(roundTrip(PrimitiveArraySerializer.forArrayClass(char[].class), c)).isEqualTo(c);
    assertThat(roundTrip(PrimitiveArraySerializer.forArrayClass(int[].class), i)).isEqualTo(i);
    assertThat(roundTrip(PrimitiveArraySerializer.forArrayClass(long[].class), l)).isEqualTo(l);
    assertThat(roundTrip(PrimitiveArraySerializer.forArrayClass(float[].class), f)).isEqualTo(f);
    assertThat(roundTrip(PrimitiveArraySerializer.forArrayClass(double[].class), d)).isEqualTo(d);
  }

  @Property(tries = 50)
  void copiesAreIndependent(@ForAll int[] values) {
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
