package io.spate.runtime.e2e;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link WindowJoinE2ETest} with keyed state in RocksDB: window joins and coGroups keep their tagged
 * records in serialized window state, whose type must be declared from the input stream.
 */
@ExtendWith(RocksDBBackendExtension.class)
class RocksDBWindowJoinE2ETest extends WindowJoinE2ETest {}
