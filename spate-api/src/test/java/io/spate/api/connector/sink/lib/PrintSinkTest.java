package io.spate.api.connector.sink.lib;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.connector.sink.SinkWriter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PrintSinkTest {

  private final PrintStream originalOut = System.out;
  private final PrintStream originalErr = System.err;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void capture() {
    System.setOut(new PrintStream(out, false, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, false, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(originalOut);
    System.setErr(originalErr);
  }

  private static List<String> lines(ByteArrayOutputStream bytes) {
    String text = bytes.toString(StandardCharsets.UTF_8);
    return text.isEmpty() ? List.of() : Arrays.asList(text.split(System.lineSeparator()));
  }

  private static <T> void print(PrintSink<T> sink, int subtask, int parallelism, List<T> records) throws Exception {
    try (SinkWriter<T> writer = sink.createWriter(new TestWriterContext(subtask, parallelism))) {
      for (T record : records) {
        writer.write(record, TestWriterContext.NO_TIME);
      }
      writer.flush(true);
    }
  }

  @Test
  void parallelismOneWithoutIdentifierPrintsBareValues() throws Exception {
    print(new PrintSink<>(), 0, 1, Arrays.asList("a", null, 3));
    assertThat(lines(out)).containsExactly("a", "null", "3");
    assertThat(lines(err)).isEmpty();
  }

  @Test
  void parallelSubtasksPrefixTheirOneBasedNumber() throws Exception {
    print(new PrintSink<>(), 2, 4, List.of("x"));
    assertThat(lines(out)).containsExactly("3> x");
  }

  @Test
  void anIdentifierPrefixesEveryLine() throws Exception {
    print(new PrintSink<>("id", false), 0, 1, List.of("x"));
    print(new PrintSink<>("id", false), 1, 2, List.of("y"));
    assertThat(lines(out)).containsExactly("id> x", "id:2> y");
  }

  @Test
  void standardErrorGetsTheSamePrefixes() throws Exception {
    print(new PrintSink<>("", true), 0, 1, List.of("e1"));
    print(new PrintSink<>("warn", true), 0, 3, List.of("e2"));
    assertThat(lines(err)).containsExactly("e1", "warn:1> e2");
    assertThat(lines(out)).isEmpty();
  }

  @Test
  void theStreamIsCapturedWhenTheWriterIsCreated() throws Exception {
    SinkWriter<String> writer = new PrintSink<String>().createWriter(new TestWriterContext(0, 1));
    ByteArrayOutputStream later = new ByteArrayOutputStream();
    System.setOut(new PrintStream(later, true, StandardCharsets.UTF_8));
    writer.write("kept", TestWriterContext.NO_TIME);
    writer.flush(false);
    assertThat(lines(out)).containsExactly("kept");
    assertThat(later.size()).isZero();
  }

  @Test
  void prefixTable() {
    assertThat(PrintSink.prefix("", 0, 1)).isEmpty();
    assertThat(PrintSink.prefix("", 0, 2)).isEqualTo("1> ");
    assertThat(PrintSink.prefix("s", 0, 1)).isEqualTo("s> ");
    assertThat(PrintSink.prefix("s", 4, 5)).isEqualTo("s:5> ");
  }

  @Test
  void discardingSinkDropsEverything() throws Exception {
    try (SinkWriter<Object> writer = new DiscardingSink<>().createWriter(new TestWriterContext(0, 1))) {
      for (int i = 0; i < 1000; i++) {
        writer.write(i, TestWriterContext.NO_TIME);
      }
      writer.flush(true);
    }
    assertThat(lines(out)).isEmpty();
  }
}
