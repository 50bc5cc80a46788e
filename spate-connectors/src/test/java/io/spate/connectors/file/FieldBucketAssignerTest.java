package io.spate.connectors.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.connector.sink.Committer;
import io.spate.api.connector.sink.lib.TestWriterContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FieldBucketAssignerTest {

  /** A record bucketed by its country. */
  public record Sale(String country, int amount) {}

  @TempDir Path dir;

  @Test
  void bucketsAreNamedByTheFieldOrHiveStyle() {
    assertThat(FieldBucketAssigner.<Sale>of(Sale::country).getBucketId(new Sale("DE", 1), null)).isEqualTo("DE");
    assertThat(FieldBucketAssigner.<Sale>hiveStyle("country", Sale::country).getBucketId(new Sale("FR", 1), null))
        .isEqualTo("country=FR");
    assertThat(FieldBucketAssigner.<Sale>of(s -> s.amount() % 2).getBucketId(new Sale("FR", 3), null)).isEqualTo("1");
  }

  @Test
  void unsafeValuesFailNamingTheValueAndTheRecord() {
    FieldBucketAssigner<Sale> assigner = FieldBucketAssigner.of(Sale::country);
    assertThatThrownBy(() -> assigner.getBucketId(new Sale("../etc", 1), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the bucket value '../etc' of the record Sale[country=../etc, amount=1]")
        .hasMessageContaining("holds '/'");
    assertThatThrownBy(() -> assigner.getBucketId(new Sale(null, 1), null)).hasMessageContaining("is null");
    assertThatThrownBy(() -> assigner.getBucketId(new Sale("", 1), null)).hasMessageContaining("is empty");
    assertThatThrownBy(() -> assigner.getBucketId(new Sale("..", 1), null)).hasMessageContaining("parent directory");
    assertThatThrownBy(() -> assigner.getBucketId(new Sale("a\\b", 1), null)).hasMessageContaining("holds '\\'");
    assertThatThrownBy(() -> assigner.getBucketId(new Sale("a\nb", 1), null)).hasMessageContaining("U+000A");
    assertThatThrownBy(() -> FieldBucketAssigner.<Sale>hiveStyle("a/b", Sale::country))
        .hasMessageContaining("the field name 'a/b'");
  }

  @Test
  void theSinkWritesEachRecordIntoItsFieldsDirectory() throws Exception {
    FileSink<Sale> sink = FileSink.forRows(dir, RowEncoder.<Sale>toStringEncoder())
        .withBucketAssigner(FieldBucketAssigner.hiveStyle("country", Sale::country)).build();
    FileSink.Writer<Sale> writer = sink.createWriter(new TestWriterContext(0, 1, () -> 0L));
    writer.write(new Sale("DE", 1), TestWriterContext.NO_TIME);
    writer.write(new Sale("FR", 2), TestWriterContext.NO_TIME);
    writer.write(new Sale("DE", 3), TestWriterContext.NO_TIME);
    writer.flush(true);
    try (Committer<FileSink.PendingFile> committer = sink.createCommitter()) {
      committer.commit(writer.prepareCommit());
    }
    writer.close();
    assertThat(Files.readString(dir.resolve("country=DE/part-0-0"))).isEqualTo(
        "Sale[country=DE, amount=1]\nSale[country=DE, amount=3]\n");
    try (Stream<Path> files = Files.list(dir.resolve("country=FR"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("part-0-1");
    }
  }
}
