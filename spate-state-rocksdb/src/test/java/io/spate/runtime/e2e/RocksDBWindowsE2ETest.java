package io.spate.runtime.e2e;

import org.junit.jupiter.api.extension.ExtendWith;

/** {@link WindowsE2ETest} with keyed state in RocksDB: the same jobs must give the same results. */
@ExtendWith(RocksDBBackendExtension.class)
class RocksDBWindowsE2ETest extends WindowsE2ETest {}
