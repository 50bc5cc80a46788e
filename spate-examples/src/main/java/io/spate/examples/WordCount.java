package io.spate.examples;

import io.spate.api.common.RuntimeExecutionMode;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.functions.Collector;
import io.spate.api.functions.FlatMapFunction;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.typeinfo.Types;
import io.spate.connectors.file.CsvRowEncoder;
import io.spate.connectors.file.FileSink;
import io.spate.connectors.file.FileSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts the words of a text file and writes {@code word,count} lines: one per distinct word in
 * batch mode, one per update in streaming mode.
 */
public final class WordCount {

  static final String USAGE = String.join(System.lineSeparator(),
      "Usage: wordcount --input <file> --output <file> [--mode batch|streaming]",
      "Counts the words of a text file (or of every file of a directory): the runs of letters a-z",
      "after lower-casing, and writes one 'word,count' line per word to the output file.",
      "  --input <file>     the text file or directory to read",
      "  --output <file>    the file to write (replaced if it exists)",
      "  --mode <mode>      batch: one line per distinct word, with its final count (default);",
      "                     streaming: one line each time a word's count changes");

  private WordCount() {}

  /**
   * A word and how often it was seen.
   *
   * @param word the word
   * @param count the number of times it occurred
   */
  public record WordWithCount(String word, long count) {}

  /** Runs the example; see {@link #USAGE}. */
  public static void main(String[] args) throws Exception {
    ExampleProgram.runAsMain(WordCount::run, args);
  }

  /** Runs the example with command-line arguments; wrong ones throw {@link UsageException}. */
  public static void run(String[] args) throws Exception {
    ExampleArgs options = ExampleArgs.parse(args, USAGE, "--input", "--output", "--mode");
    Path input = Path.of(options.required("--input"));
    Path output = Path.of(options.required("--output"));
    String mode = options.getChoice("--mode", "batch", "batch", "streaming");
    if (!Files.exists(input)) {
      throw UsageException.wrongArguments("Input not found: " + input, USAGE);
    }
    if (Files.isDirectory(output)) {
      throw UsageException.wrongArguments("The output is a directory, but must be a file: " + output, USAGE);
    }

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setRuntimeMode(mode.equals("batch") ? RuntimeExecutionMode.BATCH : RuntimeExecutionMode.STREAMING);
    wordCounts(env, input.toAbsolutePath().toString())
        .sinkTo(FileSink.forRows(output.toAbsolutePath(), CsvRowEncoder.forType(TypeInformation.of(WordWithCount.class)))
            .toSingleFile()
            .build())
        .name("Word counts file")
        .setParallelism(1);
    env.execute("WordCount");
  }

  /** The running count of every word in the file or directory {@code input}. */
  public static DataStream<WordWithCount> wordCounts(StreamExecutionEnvironment env, String input) {
    return env.fromSource(FileSource.forTextLines(input).build(), WatermarkStrategy.noWatermarks(), "Lines")
        .flatMap(new Tokenizer())
        .name("Tokenizer")
        .keyBy(WordWithCount::word, Types.STRING)
        .reduce((a, b) -> new WordWithCount(a.word(), a.count() + b.count()))
        .name("Count per word");
  }

  /** Splits a line into its words, each with a count of one. */
  public static final class Tokenizer implements FlatMapFunction<String, WordWithCount> {
    private static final long serialVersionUID = 1L;
    private static final Pattern WORD = Pattern.compile("[a-z]+");

    @Override
    public void flatMap(String line, Collector<WordWithCount> out) {
      Matcher words = WORD.matcher(line.toLowerCase(Locale.ROOT));
      while (words.find()) {
        out.collect(new WordWithCount(words.group(), 1));
      }
    }
  }
}
