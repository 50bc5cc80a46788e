package io.spate.api.serialization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimpleStringEncoderTest {

  @Test
  void writesEachRecordsStringAndANewline() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Encoder<Object> encoder = new SimpleStringEncoder<>();
    for (Object record : List.of("grüße", 42, List.of(1, 2))) {
      encoder.encode(record, out);
    }
    encoder.encode(null, out);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("grüße\n42\n[1, 2]\nnull\n");
  }

  @Test
  void writesTheNamedCharsetAlsoAfterJavaSerialization() throws Exception {
    SimpleStringEncoder<String> encoder = new SimpleStringEncoder<>("UTF-16BE");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(encoder);
    }
    @SuppressWarnings("unchecked")
    SimpleStringEncoder<String> copy = (SimpleStringEncoder<String>)
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())).readObject();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    copy.encode("ab", out);
    assertThat(out.toByteArray()).containsExactly(0, 'a', 0, 'b', '\n');
  }

  @Test
  void anUnknownCharsetFailsNamingIt() {
    assertThatThrownBy(() -> new SimpleStringEncoder<String>("no-such-charset"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'no-such-charset'");
  }
}
