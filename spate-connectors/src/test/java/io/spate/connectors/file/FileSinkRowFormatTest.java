package io.spate.connectors.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.spate.api.configuration.MemorySize;
import io.spate.api.connector.sink.Committer;
import io.spate.api.connector.sink.lib.TestWriterContext;
import io.spate.api.fs.Path;
import io.spate.api.serialization.SimpleStringEncoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/** FileSink as Flink programs build it: forRowFormat with an Encoder, a rolling policy and part names. */
class FileSinkRowFormatTest {

  @TempDir java.nio.file.Path dir;

  private List<String> visibleFiles() throws IOException {
    try (Stream<java.nio.file.Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
    }
  }

  @Test
  void rollsPartsAtTheMaxPartSizeAndNamesThemWithPrefixAndSuffix() throws Exception {
    FileSink<String> sink = FileSink.forRowFormat(new Path(dir.toString()), new SimpleStringEncoder<String>())
        .withRollingPolicy(DefaultRollingPolicy.builder()
            .withRolloverInterval(Duration.ofMinutes(15))
            .withInactivityInterval(Duration.ofMinutes(5))
            .withMaxPartSize(MemorySize.ofBytes(20))
            .build())
        .withOutputFileConfig(OutputFileConfig.builder().withPartPrefix("words").withPartSuffix(".txt").build())
        .build();
    assertThat(((DefaultRollingPolicy<?, ?>) sink.getRollingPolicy()).getMaxPartSize()).isEqualTo(20);
    List<String> records = IntStream.range(0, 12).mapToObj(i -> "record-" + i).toList();
    var writer = sink.createWriter(new TestWriterContext(0, 1));
    for (String record : records) {
      writer.write(record, TestWriterContext.NO_TIME);
    }
    writer.flush(true);
    try (Committer<FileSink.PendingFile> committer = sink.createCommitter()) {
      committer.commit(writer.prepareCommit());
    }
    writer.close();
    // A part rolls once it holds 20 bytes: three records of 9 or 10 bytes with their newlines.
    assertThat(visibleFiles()).containsExactly("words-0-0.txt", "words-0-1.txt", "words-0-2.txt", "words-0-3.txt");
    List<String> lines = new ArrayList<>();
    List<Long> sizes = new ArrayList<>();
    for (String file : visibleFiles()) {
      sizes.add(Files.size(dir.resolve(file)));
      lines.addAll(Files.readAllLines(dir.resolve(file)));
    }
    assertThat(sizes).containsExactly(27L, 27L, 27L, 29L);
    assertThat(lines).isEqualTo(records);

    // A new writer numbers its parts after the committed ones of the same names.
    var next = sink.createWriter(new TestWriterContext(0, 1));
    next.write("more", TestWriterContext.NO_TIME);
    next.flush(true);
    try (Committer<FileSink.PendingFile> committer = sink.createCommitter()) {
      committer.commit(next.prepareCommit());
    }
    next.close();
    assertThat(visibleFiles()).contains("words-0-4.txt");
  }

  @Test
  void theEncoderWritesItsCharset() throws Exception {
    FileSink<String> sink =
        FileSink.forRowFormat(new Path("file://" + dir), new SimpleStringEncoder<String>("ISO-8859-1")).build();
    var writer = sink.createWriter(new TestWriterContext(0, 1));
    writer.write("grüße", TestWriterContext.NO_TIME);
    writer.flush(true);
    try (Committer<FileSink.PendingFile> committer = sink.createCommitter()) {
      committer.commit(writer.prepareCommit());
    }
    writer.close();
    assertThat(visibleFiles()).containsExactly("part-0-0");
    assertThat(Files.readAllBytes(dir.resolve("part-0-0"))).isEqualTo("grüße\n".getBytes(StandardCharsets.ISO_8859_1));
  }

  @Test
  void theOlderMillisecondOverloadsMeanTheSameAsDurations() {
    DefaultRollingPolicy<String, String> millis = DefaultRollingPolicy.builder()
        .withRolloverInterval(90_000L)
        .withInactivityInterval(30_000L)
        .withMaxPartSize(1024L)
        .build();
    DefaultRollingPolicy<String, String> durations = DefaultRollingPolicy.builder()
        .withRolloverInterval(Duration.ofSeconds(90))
        .withInactivityInterval(Duration.ofSeconds(30))
        .withMaxPartSize(MemorySize.ofKibiBytes(1))
        .build();
    assertThat(millis.getRolloverInterval()).isEqualTo(durations.getRolloverInterval()).isEqualTo(90_000L);
    assertThat(millis.getInactivityInterval()).isEqualTo(durations.getInactivityInterval()).isEqualTo(30_000L);
    assertThat(millis.getMaxPartSize()).isEqualTo(durations.getMaxPartSize()).isEqualTo(1024L);
    assertThat(millis).hasToString(durations.toString());
  }

  @Test
  void outputFileConfigsAreValues() {
    Gen<String> names = SourceDSL.strings().basicLatinAlphabet().ofLengthBetween(1, 4)
        .assuming(n -> !n.startsWith(".") && !n.contains("/"));
    qt().forAll(names, names, names, names).checkAssert((p1, s1, p2, s2) -> {
      OutputFileConfig a = OutputFileConfig.builder().withPartPrefix(p1).withPartSuffix(s1).build();
      OutputFileConfig copy = new OutputFileConfig(p1, s1);
      OutputFileConfig b = new OutputFileConfig(p2, s2);
      assertThat(copy).isEqualTo(a).hasSameHashCodeAs(a);
      assertThat(a.equals(b)).isEqualTo(p1.equals(p2) && s1.equals(s2));
      assertThat(a.getPartPrefix()).isEqualTo(p1);
      assertThat(a.getPartSuffix()).isEqualTo(s1);
    });
  }

  @Test
  void badPathsAndNamesAreRejectedWhenTheSinkIsBuilt() {
    assertThatThrownBy(() -> FileSink.forRowFormat(new Path("hdfs://nn/out"), new SimpleStringEncoder<String>()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'hdfs'");
    assertThatThrownBy(() -> OutputFileConfig.builder().withPartPrefix(".hidden").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(".hidden");
    assertThatThrownBy(() -> new OutputFileConfig("a/b", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a/b");
  }
}
