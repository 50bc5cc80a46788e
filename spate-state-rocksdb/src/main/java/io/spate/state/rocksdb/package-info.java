/**
 * The RocksDB keyed state backend (states with time-to-live, timers, a write-back cache, full and
 * incremental snapshots), found through {@link java.util.ServiceLoader} when a job chooses {@code
 * state.backend: rocksdb} or {@code EmbeddedRocksDBStateBackend}. Internal: jobs choose and tune it
 * through spate-api's {@code EmbeddedRocksDBStateBackend} and {@code RocksDBOptions}, and only put
 * this module on the class path. {@link io.spate.state.rocksdb.RocksDBStateBackend}, the name older
 * programs set, is public.
 */
package io.spate.state.rocksdb;
