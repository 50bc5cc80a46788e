package io.spate.runtime.highavailability;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** A contender that remembers what it was told. */
final class RecordingContender implements LeaderContender {

  final String name;
  volatile UUID session;
  final AtomicInteger grants = new AtomicInteger();
  final AtomicInteger revocations = new AtomicInteger();
  volatile Throwable error;

  RecordingContender(String name) {
    this.name = name;
  }

  boolean leads() {
    return session != null;
  }

  @Override
  public void grantLeadership(UUID leaderSessionId) {
    if (session != null) {
      error = new AssertionError(name + " was granted leadership twice without a revocation");
    }
    session = leaderSessionId;
    grants.incrementAndGet();
  }

  @Override
  public void revokeLeadership() {
    if (session == null) {
      error = new AssertionError(name + " lost a leadership it did not have");
    }
    session = null;
    revocations.incrementAndGet();
  }

  @Override
  public void handleError(Throwable error) {
    this.error = error;
  }
}
