package io.spate.api.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class JobIDTest {

  @Property(tries = 500)
  void printsThirtyTwoLowercaseHexDigitsThatParseBack(@ForAll long upper, @ForAll long lower) {
    JobID id = new JobID(upper, lower);
    assertThat(id.toString()).matches("[0-9a-f]{32}");
    assertThat(JobID.fromHexString(id.toString())).isEqualTo(id);
    assertThat(JobID.fromHexString(id.toString().toUpperCase(java.util.Locale.ROOT))).isEqualTo(id);
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
