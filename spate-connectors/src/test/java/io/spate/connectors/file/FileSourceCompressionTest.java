package io.spate.connectors.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.connector.source.lib.SourceHarness;
import io.spate.api.fs.Path;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file source decompresses files by their extension, resumes them from a checkpoint at the
 * decompressed offset, and refuses compressions it cannot read.
 */
class FileSourceCompressionTest {

  private static final int LINES = 4_000;

  @TempDir java.nio.file.Path dir;

  private List<String> write(String name, boolean gzip) throws IOException {
    List<String> lines = new ArrayList<>();
    try (OutputStream out = gzip
        ? new GZIPOutputStream(Files.newOutputStream(dir.resolve(name)))
        : new DeflaterOutputStream(Files.newOutputStream(dir.resolve(name)))) {
      for (int i = 0; i < LINES; i++) {
        String line = name + " línea " + i;
        lines.add(line);
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    return lines;
  }

  @Test
  void gzipAndDeflateFilesAreReadDecompressedAndResumeWhereTheCheckpointWas() throws Exception {
    List<String> expected = new ArrayList<>(write("a.gz", true));
    expected.addAll(write("b.GZIP", true));
    expected.addAll(write("c.deflate", false));
    FileSource<String> source = FileSource.forRecordStreamFormat(new TextLineInputFormat(),
        new Path(dir.toString())).build();

    List<String> read = new ArrayList<>();
    SourceHarness.Checkpoint checkpoint;
    try (var harness = SourceHarness.start(source, 2)) {
      read.addAll(harness.runUntilRecords(2_500));
      checkpoint = harness.checkpoint(1);
    }
    try (var restored = SourceHarness.restore(source, 1, checkpoint)) {
      read.addAll(restored.runToEnd());
    }
    assertThat(read).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void theStandardDecompressorsGoByExtension() {
    assertThat(StandardDeCompressors.getCommonSuffixes()).containsExactlyInAnyOrder("gz", "gzip", "deflate");
    assertThat(StandardDeCompressors.getDecompressorForFileName("/data/x.log.gz").getCommonFileExtensions())
        .containsExactly("gz", "gzip");
    assertThat(StandardDeCompressors.getDecompressorForExtension("DEFLATE").getCommonFileExtensions())
        .containsExactly("deflate");
    assertThat(StandardDeCompressors.getDecompressorForFileName("/data/x.gz/plain")).isNull();
    assertThat(StandardDeCompressors.getDecompressorForFileName("x.txt")).isNull();
  }

  @Test
  void aFileInACompressionSpateCannotReadFailsNamingIt() throws Exception {
    Files.writeString(dir.resolve("x.bz2"), "BZh91AY&SY");
    FileSource<String> source = FileSource.forRecordStreamFormat(new TextLineInputFormat(),
        new Path(dir.toString())).build();
    assertThatThrownBy(() -> {
      try (var harness = SourceHarness.start(source, 1)) {
        harness.runToEnd();
      }
    }).hasStackTraceContaining("x.bz2").hasStackTraceContaining("bzip2");
  }
}
