package com.example.letters;

import static org.apache.flink.api.common.typeinfo.Types.LONG;

import com.example.letters.filters.ShortWords;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.*;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.util.Collector;

/**
 * A job written against Flink's DataStream API, for the port test: it splits lines into words, drops the
 * short ones and emits, per first letter, a running count ("a=1", "a=2", ...). Flink's packages are
 * org.apache.flink.api.common.functions and friends; this comment must survive the port unchanged.
 */
public class LetterCounts {

  public static final String BANNER = "written for org.apache.flink.streaming.api";

  public static void main(String[] args) throws Exception {
    for (String count : run(List.of(args))) {
      System.out.println(count);
    }
  }

  public static List<String> run(List<String> lines) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    DataStream<String> words = env.fromData(lines)
        .flatMap(new Splitter())
        .returns(org.apache.flink.api.common.typeinfo.Types.STRING)
        .filter(new ShortWords(3));
    DataStream<String> counts = words
        .keyBy(word -> word.substring(0, 1))
        .flatMap(new RunningCount());
    List<String> results = new ArrayList<>();
    try (CloseableIterator<String> iterator = counts.executeAndCollect()) {
      iterator.forEachRemaining(results::add);
    }
    return results;
  }

  static class Splitter implements FlatMapFunction<String, String> {
    @Override
    public void flatMap(String line, Collector<String> out) {
      for (String word : line.toLowerCase().split("\\W+")) {
        if (!word.isEmpty()) {
          out.collect(word);
        }
      }
    }
  }

  static class RunningCount extends RichFlatMapFunction<String, String> {
    private transient ValueState<Long> count;

    @Override
    public void open(OpenContext openContext) {
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", LONG));
    }

    @Override
    public void flatMap(String word, Collector<String> out) throws Exception {
      long next = count.value() == null ? 1 : count.value() + 1;
      count.update(next);
      out.collect(word.substring(0, 1) + "=" + next);
    }
  }
}
