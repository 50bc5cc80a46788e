package io.spate.api.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class JobIDTest {

  @Property(tries = 500)
  void printsThirtyTwoLowercaseHexDigitsThatParseBack(@ForAll long upper, @ForAll long lower) {
    JobID id = new JobID(upper, lower);
    assertThat(id.toString()).matches("[0-9a-f]{32}");
    assertThat(JobID.fromHexString(id.toString())).isEqualTo(id);
    assertThat(JobID.fromHexString(id.toString().toUpperCase(java.util.Locale.ROOT))).isEqualTo(id);
  }

  @Property(tries = 500)
  void equalExactlyWhenBothHalvesAreAndThenHashAlike(@ForAll @IntRange(max = 2) int u1, @ForAll @IntRange(max = 2) int l1,
      @ForAll @IntRange(max = 2) int u2, @ForAll @IntRange(max = 2) int l2, @ForAll long offset) {
    JobID a = new JobID(offset + u1, -offset + l1);
    JobID b = new JobID(offset + u2, -offset + l2);
    assertThat(a.equals(b)).isEqualTo(u1 == u2 && l1 == l2);
    if (a.equals(b)) {
      assertThat(a.hashCode()).isEqualTo(b.hashCode());
    }
    assertThat(a).isEqualTo(a).isNotEqualTo(null).isNotEqualTo(a.toString());
  }

  @Test
  void keepsLeadingZeros() {
    assertThat(new JobID(1, 0xabL).toString()).isEqualTo("000000000000000100000000000000ab");
  }

  @Test
  void refusesWhatIsNotThirtyTwoHexDigits() {
    for (String bad : new String[] {"", "123", "000000000000000100000000000000ag", "000000000000000100000000000000ab0"}) {
      assertThatThrownBy(() -> JobID.fromHexString(bad)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("32 hexadecimal digits").hasMessageContaining(bad);
    }
    assertThatThrownBy(() -> JobID.fromHexString(null)).isInstanceOf(IllegalArgumentException.class);
  }
}
