package io.spate.runtime.e2e;

// The README's first job, word for word from its imports on (DocsSnippetsTest checks that), so that
// nothing else may stand between them and the class; ReadmeFirstJobTest runs it.
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.Collector;

public class WordCountJob {

  record WordCount(String word, long count) {}

  public static void main(String[] args) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);

    DataStream<String> lines = env.fromElements("to be or not to be", "that is the question");
    DataStream<WordCount> counts = lines
        .flatMap((String line, Collector<WordCount> out) -> {
          for (String word : line.split(" ")) {
            out.collect(new WordCount(word, 1));
          }
        })
        .returns(WordCount.class)           // lambdas erase the Collector's type
        .keyBy(WordCount::word)
        .sum("count");

    counts.print();                         // "1> WordCount[word=to, count=1]" ...
    env.execute("word count");
  }
}
