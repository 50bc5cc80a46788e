package io.spate.formats.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.formats.avro.AvroTestRecords;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snippets of docs/connectors/formats.md do what the page says. */
class FormatsDocTest {

  @TempDir Path dir;

  @Test
  void messagesConvertBetweenJsonAndCsv() throws Exception {
    assertThat(FormatsDocSnippets.messages())
        .isEqualTo(new FormatsDocSnippets.Reading("s1", 2.5, Instant.parse("2026-01-02T03:04:05Z")));
    // The row the page shows in a comment.
    assertThat(new String(io.spate.connectors.formats.csv.CsvSerializationSchema.forPojo(FormatsDocSnippets.Reading.class)
        .withColumnSeparator(';').serialize(new FormatsDocSnippets.Reading("s1", 2.5,
            Instant.parse("2026-01-02T03:04:05Z"))), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("\"2026-01-02T03:04:05Z\";\"s1\";2.5");
  }

  @Test
  void avroMessagesRoundTrip() throws Exception {
    GenericRecord record = AvroTestRecords.sensor("a", 1, 2, null, List.of(3), 4f, 5f);
    assertThat(FormatsDocSnippets.avroMessages(record)).isEqualTo(record);
  }

  @Test
  void theTextFileJobReadsJsonAndCsvAndWritesBothBucketed() throws Exception {
    Files.createDirectories(dir.resolve("in/json"));
    Files.createDirectories(dir.resolve("in/csv"));
    Files.writeString(dir.resolve("in/json/a.jsonl"), "{\"sensorId\":\"s1\",\"value\":1.0,\"at\":\"2026-01-01T00:00:00Z\"}\n");
    Files.writeString(dir.resolve("in/csv/b.csv"), "2026-01-01T00:00:01Z,s2,2.0\nnot,a,row\n");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    FormatsDocSnippets.textFiles(env, dir.resolve("in").toString(), dir.resolve("out").toString());
    env.execute("formats doc");
    try (Stream<Path> buckets = Files.list(dir.resolve("out/csv"))) {
      assertThat(buckets.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("sensor=s1", "sensor=s2");
    }
    try (Stream<Path> json = Files.list(dir.resolve("out/json"))) {
      assertThat(json.filter(p -> !p.getFileName().toString().startsWith("."))
          .flatMap(p -> {
            try {
              return Files.readAllLines(p).stream();
            } catch (java.io.IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          })).hasSize(2);
    }
  }

  @Test
  void theAvroAndParquetJobBuilds() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    FormatsDocSnippets.avroAndParquetFiles(env, AvroTestRecords.SENSOR, dir.resolve("in").toString(),
        dir.resolve("out").toString());
  }
}
