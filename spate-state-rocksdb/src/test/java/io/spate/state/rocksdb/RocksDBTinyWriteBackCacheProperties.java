package io.spate.state.rocksdb;

/** The model test with two cached values per state: most accesses evict a changed value to RocksDB. */
class RocksDBTinyWriteBackCacheProperties extends RocksDBKeyedStateBackendProperties {

  @Override
  int writeBackCacheEntries() {
    return 2;
  }
}
