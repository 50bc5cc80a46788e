package io.spate.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.InvalidProgramException;
import io.spate.api.common.RuntimeExecutionMode;
import io.spate.api.configuration.MemorySize;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.fs.FileSystem.WriteMode;
import io.spate.api.fs.Path;
import io.spate.api.functions.Collector;
import io.spate.api.functions.FlatMapFunction;
import io.spate.api.serialization.SimpleStringEncoder;
import io.spate.connectors.file.DefaultRollingPolicy;
import io.spate.connectors.file.FileSink;
import io.spate.connectors.file.FileSource;
import io.spate.connectors.file.OutputFileConfig;
import io.spate.connectors.file.TextLineInputFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jobs written as a Flink program writes them, with FileSource, TextLineInputFormat, FileSink,
 * SimpleStringEncoder and DefaultRollingPolicy, and with writeAsText, on the embedded cluster.
 */
class FlinkStyleFileJobE2ETest {

  @TempDir java.nio.file.Path dir;

  /** A counted word, printed as {@code word,count}. */
  public static final class WordCount {
    public String word;
    public long count;

    public WordCount() {}

    WordCount(String word, long count) {
      this.word = word;
      this.count = count;
    }

    @Override
    public String toString() {
      return word + "," + count;
    }
  }

  /** Splits lines into lower-case words. */
  static final class Tokenizer implements FlatMapFunction<String, WordCount> {
    @Override
    public void flatMap(String line, Collector<WordCount> out) {
      for (String word : line.toLowerCase().split("\\W+")) {
        if (!word.isEmpty()) {
          out.collect(new WordCount(word, 1));
        }
      }
    }
  }

  private Map<String, Long> writeInput(java.nio.file.Path input) throws IOException {
    String[] vocabulary = {"stream", "state", "Window", "key", "time", "event", "batch", "flink", "spate", "file",
        "sink", "source", "checkpoint", "barrier", "watermark"};
    Random random = new Random(28);
    Map<String, Long> expected = new HashMap<>();
    Files.createDirectories(input);
    for (int f = 0; f < 4; f++) {
      StringBuilder text = new StringBuilder();
      for (int line = 0; line < 2_000; line++) {
        int words = 1 + random.nextInt(8);
        for (int w = 0; w < words; w++) {
          String word = vocabulary[random.nextInt(vocabulary.length)] + (random.nextInt(50) == 0 ? line % 13 : "");
          text.append(word).append(w + 1 < words ? (random.nextBoolean() ? " " : ", ") : "");
          expected.merge(word.toLowerCase(), 1L, Long::sum);
        }
        text.append(line % 3 == 0 ? "\r\n" : "\n");
      }
      Files.writeString(input.resolve("part-" + f + ".txt"), text);
    }
    return expected;
  }

  private static List<java.nio.file.Path> committedFiles(java.nio.file.Path out) throws IOException {
    try (Stream<java.nio.file.Path> files = Files.list(out)) {
      return files.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
    }
  }

  @Test
  void wordCountFromTextFilesIntoRollingPartFilesEqualsAPlainJavaCount() throws Exception {
    java.nio.file.Path input = dir.resolve("in");
    java.nio.file.Path output = dir.resolve("out");
    Map<String, Long> expected = writeInput(input);

    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.setRuntimeMode(RuntimeExecutionMode.BATCH);
    FileSource<String> source =
        FileSource.forRecordStreamFormat(new TextLineInputFormat(), new Path(input.toString())).build();
    FileSink<WordCount> sink = FileSink.forRowFormat(new Path(output.toString()), new SimpleStringEncoder<WordCount>())
        .withRollingPolicy(DefaultRollingPolicy.builder()
            .withRolloverInterval(Duration.ofMinutes(15))
            .withInactivityInterval(Duration.ofMinutes(5))
            .withMaxPartSize(MemorySize.ofBytes(64))
            .build())
        .withOutputFileConfig(OutputFileConfig.builder().withPartPrefix("counts").withPartSuffix(".csv").build())
        .build();
    env.fromSource(source, WatermarkStrategy.noWatermarks(), "lines")
        .flatMap(new Tokenizer())
        .keyBy(wc -> wc.word)
        .reduce((a, b) -> new WordCount(a.word, a.count + b.count))
        .sinkTo(sink);
    env.execute("file word count");

    List<java.nio.file.Path> files = committedFiles(output);
    assertThat(files).hasSizeGreaterThan(2)
        .allSatisfy(f -> assertThat(f.getFileName().toString()).matches("counts-[01]-\\d+\\.csv"));
    Map<String, Long> counted = new HashMap<>();
    for (java.nio.file.Path file : files) {
      for (String line : Files.readAllLines(file)) {
        String[] fields = line.split(",");
        assertThat(counted.put(fields[0], Long.parseLong(fields[1]))).as("a second count of %s", fields[0]).isNull();
      }
    }
    assertThat(counted).isEqualTo(expected);
  }

  @Test
  void writeAsTextWritesOneFileAtParallelismOneAndNumberedFilesAbove() throws Exception {
    java.nio.file.Path single = dir.resolve("single.txt");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.fromSequence(1, 500).writeAsText(single.toString());
    env.execute("write as text, one file");
    assertThat(Files.readAllLines(single)).isEqualTo(LongStream.rangeClosed(1, 500).mapToObj(Long::toString).toList());

    // Without OVERWRITE an existing file fails the job, naming the file.
    StreamExecutionEnvironment again = StreamExecutionEnvironment.createLocalEnvironment(1);
    again.fromSequence(1, 3).writeAsText(single.toString());
    assertThatThrownBy(() -> again.execute("write as text, file exists"))
        .hasStackTraceContaining(single.toString())
        .hasStackTraceContaining("OVERWRITE");
    StreamExecutionEnvironment overwrite = StreamExecutionEnvironment.createLocalEnvironment(1);
    overwrite.fromSequence(1, 3).writeAsText(single.toString(), WriteMode.OVERWRITE);
    overwrite.execute("write as text, overwrite");
    assertThat(Files.readAllLines(single)).containsExactly("1", "2", "3");

    java.nio.file.Path parallel = dir.resolve("parallel");
    StreamExecutionEnvironment env2 = StreamExecutionEnvironment.createLocalEnvironment(2);
    env2.fromSequence(1, 1000).writeAsText(parallel.toString());
    env2.execute("write as text, two files");
    assertThat(committedFiles(parallel)).extracting(p -> p.getFileName().toString()).containsExactly("1", "2");
    List<Long> all = new ArrayList<>();
    for (java.nio.file.Path file : committedFiles(parallel)) {
      Files.readAllLines(file).forEach(line -> all.add(Long.parseLong(line)));
    }
    all.sort(null);
    assertThat(all).isEqualTo(LongStream.rangeClosed(1, 1000).boxed().toList());
  }

  /** A row for writeAsCsv. */
  public record Reading(String sensor, Long value, double share) {}

  @Test
  void writeAsCsvWritesTheFieldsOfEachRecord() throws Exception {
    java.nio.file.Path csv = dir.resolve("readings.csv");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.fromElements(new Reading("a", 1L, 0.5), new Reading("b,c", null, 2.0))
        .writeAsCsv(csv.toString(), WriteMode.NO_OVERWRITE, "\n", "|");
    env.execute("write as csv");
    assertThat(Files.readAllLines(csv)).containsExactly("a|1|0.5", "b,c||2.0");

    StreamExecutionEnvironment env2 = StreamExecutionEnvironment.createLocalEnvironment(1);
    assertThatThrownBy(() -> env2.fromSequence(1, 3).writeAsCsv(dir.resolve("numbers.csv").toString()))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("writeAsText");
  }

  @Test
  void readTextFileReadsAnotherCharset() throws Exception {
    java.nio.file.Path file = dir.resolve("latin1.txt");
    Files.write(file, "grüße\nçà\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    assertThat(E2eSupport.collect(env.readTextFile(file.toString(), "ISO-8859-1"))).containsExactly("grüße", "çà");
  }
}
