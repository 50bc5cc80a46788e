package io.spate.runtime.highavailability;

/** Whether a cluster's JobManager can fail over to a standby, and through what. */
public enum HighAvailabilityMode {
  /** One JobManager; when it dies, its jobs die with it. */
  NONE,
  /** JobManagers elect a leader through ZooKeeper and recover jobs from ZooKeeper plus the storage directory. */
  ZOOKEEPER
}
