package io.spate.connectors.formats.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.connector.source.lib.SourceHarness;
import io.spate.api.fs.Path;
import io.spate.connectors.file.FileSource;
import io.spate.connectors.file.FileSourceSplit;
import io.spate.connectors.formats.CountingMetricGroup;
import io.spate.connectors.formats.FileFormatReading;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesInputFormatTest {

  /** A record read from JSON lines. */
  public record Click(String user, int page) {}

  @TempDir java.nio.file.Path dir;

  private java.nio.file.Path write(String name, String content) throws IOException {
    java.nio.file.Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  private static FileSource<Click> source(JsonLinesInputFormat<Click> format, java.nio.file.Path file) {
    return FileSource.forRecordStreamFormat(format, new Path(file.toString())).build();
  }

  @Test
  void readsOneRecordPerLineAndSkipsBlankLines() throws Exception {
    java.nio.file.Path file = write("clicks.jsonl",
        "{\"user\":\"ann\",\"page\":1}\n\n{\"user\":\"bob\",\"page\":2}\r\n   \n{\"user\":\"éva\",\"page\":3}");
    try (var harness = SourceHarness.start(source(new JsonLinesInputFormat<>(Click.class), file), 1)) {
      assertThat(harness.runToEnd())
          .containsExactly(new Click("ann", 1), new Click("bob", 2), new Click("éva", 3));
    }
  }

  @Test
  void aMalformedLineFailsNamingTheFileTheLineAndItsText() throws Exception {
    java.nio.file.Path file = write("bad.jsonl", "{\"user\":\"ann\",\"page\":1}\n{\"user\":\"bob\",\"page\":\"two\"}\n");
    try (var harness = SourceHarness.start(source(new JsonLinesInputFormat<>(Click.class), file), 1)) {
      assertThatThrownBy(harness::runToEnd)
          .isInstanceOf(IOException.class)
          .hasMessageContaining("'" + file + "'")
          .hasMessageContaining("JSON line 2 (at byte 24) is not a valid " + Click.class.getName())
          .hasMessageContaining("\"two\"");
    }
  }

  @Test
  void aMalformedLineAfterARestoreIsNamedByItsByteOffset() throws Exception {
    java.nio.file.Path file = write("bad.jsonl", "{\"user\":\"ann\",\"page\":1}\n{\"user\":\n");
    FileSource<Click> source = source(new JsonLinesInputFormat<>(Click.class), file);
    assertThatThrownBy(() -> FileFormatReading.readSplits(source, new CountingMetricGroup(),
        List.of(new FileSourceSplit(file.toString(), 24))))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("the JSON line at byte 24 is not a valid");
  }

  @Test
  void ignoringParseErrorsSkipsMalformedLinesAndCountsThemOnTheReadersMetricGroup() throws Exception {
    java.nio.file.Path file = write("mixed.jsonl",
        "{\"user\":\"ann\",\"page\":1}\nnot json\nnull\n{\"user\":\"bob\",\"page\":2}\n[1,2]\n");
    CountingMetricGroup metrics = new CountingMetricGroup();
    List<Click> clicks = FileFormatReading.readAll(
        source(new JsonLinesInputFormat<>(Click.class).withIgnoreParseErrors(), file), metrics, file);
    assertThat(clicks).containsExactly(new Click("ann", 1), new Click("bob", 2));
    assertThat(metrics.malformedRecords()).isEqualTo(3);
  }

  @Test
  void eachRecordCarriesTheOffsetOfTheNextLineSoThatARestoreResumesThere() throws Exception {
    String first = "{\"user\":\"a\",\"page\":1}\n";
    java.nio.file.Path file = write("clicks.jsonl", first + "{\"user\":\"b\",\"page\":2}\n{\"user\":\"c\",\"page\":3}\n");
    var format = new JsonLinesInputFormat<>(Click.class);
    try (var in = io.spate.api.fs.FileSystem.getLocalFileSystem().open(new Path(file.toString()));
        var reader = format.createReader(new io.spate.api.configuration.Configuration(), in)) {
      assertThat(reader.read()).isEqualTo(new Click("a", 1));
      assertThat(reader.getCheckpointedPosition().getOffset()).isEqualTo(first.length());
    }
    FileSource<Click> source = source(format, file);
    assertThat(FileFormatReading.readSplits(source, new CountingMetricGroup(),
        List.of(new FileSourceSplit(file.toString(), first.length()))))
        .containsExactly(new Click("b", 2), new Click("c", 3));
  }
}
