package io.spate.runtime.e2e;

import org.junit.jupiter.api.extension.ExtendWith;

/** {@link RowsE2ETest} with keyed state in RocksDB, where every state access serializes the rows. */
@ExtendWith(RocksDBBackendExtension.class)
class RocksDBRowsE2ETest extends RowsE2ETest {}
