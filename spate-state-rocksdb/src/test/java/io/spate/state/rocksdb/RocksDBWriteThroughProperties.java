package io.spate.state.rocksdb;

/** The model test with the write-back cache turned off: every access reads and writes RocksDB. */
class RocksDBWriteThroughProperties extends RocksDBKeyedStateBackendProperties {

  @Override
  int writeBackCacheEntries() {
    return 0;
  }
}
