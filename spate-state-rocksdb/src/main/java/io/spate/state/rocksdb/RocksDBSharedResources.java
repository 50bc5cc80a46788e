package io.spate.state.rocksdb;

import java.util.HashMap;
import java.util.Map;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;

/**
 * The memory budget that all RocksDB state backends of one process share: one block cache, with the
 * write buffers charged to it by a write buffer manager, so that reads and writes together stay
 * within the configured size however many operators hold RocksDB state.
 */
public final class RocksDBSharedResources {

  static {
    RocksDB.loadLibrary(); // unpacks the native library into java.io.tmpdir once per class loader
  }

  private static final Map<Long, RocksDBSharedResources> BY_SIZE = new HashMap<>();

  private final long managedBytes;
  private final Cache cache;
  private final WriteBufferManager writeBufferManager;
  private int leases;

  private RocksDBSharedResources(long managedBytes) {
    this.managedBytes = managedBytes;
    this.cache = new LRUCache(managedBytes);
    this.writeBufferManager = new WriteBufferManager(managedBytes / 2, cache);
  }

  /**
   * A lease on the resources of a {@code managedBytes} budget, created by the first lease and freed
   * when the last is released.
   */
  public static Lease acquire(long managedBytes) {
    synchronized (BY_SIZE) {
      RocksDBSharedResources shared = BY_SIZE.computeIfAbsent(managedBytes, RocksDBSharedResources::new);
      shared.leases++;
      return new Lease(shared);
    }
  }

  /** The number of budgets in use, for tests that check nothing leaks. */
  public static int activeBudgets() {
    synchronized (BY_SIZE) {
      return BY_SIZE.size();
    }
  }

  /** One backend's use of a shared budget; release it exactly once. */
  public static final class Lease {
    private final RocksDBSharedResources shared;
    private boolean released;

    private Lease(RocksDBSharedResources shared) {
      this.shared = shared;
    }

    Cache cache() {
      return shared.cache;
    }

    WriteBufferManager writeBufferManager() {
      return shared.writeBufferManager;
    }

    /** The size of one memtable: small enough that several states fit the write buffer half. */
    long writeBufferSize() {
      return Math.max(1 << 20, Math.min(64L << 20, shared.managedBytes / 8));
    }

    /** Gives the lease back; the last one frees the native cache. */
    public void release() {
      synchronized (BY_SIZE) {
        if (released) {
          return;
        }
        released = true;
        if (--shared.leases == 0) {
          BY_SIZE.remove(shared.managedBytes);
          shared.writeBufferManager.close();
          shared.cache.close();
        }
      }
    }
  }
}
