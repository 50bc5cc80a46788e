package io.spate.state.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The column family names of {@link RocksDBOpener} say the state and the compaction TTL unambiguously. */
class RocksDBOpenerProperties {

  @Provide
  Arbitrary<String> stateNames() {
    return Arbitraries.strings().ofMinLength(0).ofMaxLength(20).withChars("ab/@=s-0123456789é");
  }

  @Property
  void columnNamesGiveBackTheStateAndItsCompactionTtl(@ForAll("stateNames") String state,
      @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int ttlSeconds) {
    byte[] column = RocksDBOpener.columnName(state, ttlSeconds);
    assertThat(RocksDBOpener.stateNameOf(column)).isEqualTo(state);
    assertThat(RocksDBOpener.compactionTtlSecondsOf(column)).isEqualTo(ttlSeconds);
  }
}
