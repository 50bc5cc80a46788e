package io.spate.state.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/** The column family names of {@link RocksDBOpener} say the state and the compaction TTL unambiguously. */
class RocksDBOpenerProperties {

  /** State names of up to 20 chars, among them the separators a column name could confuse. */
  private static Gen<String> stateNames() {
    Gen<Character> chars = Generate.pick("ab/@=s-0123456789é".chars().mapToObj(c -> (char) c).toList());
    return SourceDSL.lists().of(chars).ofSizeBetween(0, 20).map(list -> {
      StringBuilder name = new StringBuilder();
      list.forEach(name::append);
      return name.toString();
    });
  }

  @Test
  void columnNamesGiveBackTheStateAndItsCompactionTtl() {
    qt().forAll(stateNames(), SourceDSL.integers().between(0, Integer.MAX_VALUE)).checkAssert((state, ttlSeconds) -> {
      byte[] column = RocksDBOpener.columnName(state, ttlSeconds);
      assertThat(RocksDBOpener.stateNameOf(column)).isEqualTo(state);
      assertThat(RocksDBOpener.compactionTtlSecondsOf(column)).isEqualTo(ttlSeconds);
    });
  }
}
