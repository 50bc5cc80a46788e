package io.spate.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.datastream.CloseableIterator;
import io.spate.api.datastream.StreamExecutionEnvironment;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmokeTest {

  record Bid(long auction, long price) {}

  @Test
  void mapFilterCollect() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    List<Long> out = new ArrayList<>();
    try (CloseableIterator<Long> it = env.fromSequence(1, 1000).map(x -> x * 2).filter(x -> x % 3 == 0).executeAndCollect()) {
      it.forEachRemaining(out::add);
    }
    List<Long> expected = new ArrayList<>();
    for (long i = 1; i <= 1000; i++) {
      if ((i * 2) % 3 == 0) {
        expected.add(i * 2);
      }
    }
    assertThat(out).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void keyedSum() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    List<Bid> out = new ArrayList<>();
    try (CloseableIterator<Bid> it = env.fromSequence(0, 999).map(i -> new Bid(i % 10, i))
        .keyBy(Bid::auction).sum("price").executeAndCollect()) {
      it.forEachRemaining(out::add);
    }
    assertThat(out).hasSize(1000);
  }
}
