package io.spate.runtime.e2e;

import org.junit.jupiter.api.extension.ExtendWith;

/** {@link KeyedAggregationE2ETest} with keyed state in RocksDB: the same jobs must give the same results. */
@ExtendWith(RocksDBBackendExtension.class)
class RocksDBKeyedAggregationE2ETest extends KeyedAggregationE2ETest {}
