package io.spate.runtime.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.functions.sink.TwoPhaseCommitSinkFunction;
import io.spate.api.serialization.StringSerializer;
import io.spate.runtime.state.snapshot.OperatorSubtaskState;
import io.spate.testing.FactoryHarnesses;
import io.spate.testing.OneInputTestHarness;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The legacy two-phase commit sink on its operator: what goes into which transaction, when a transaction
 * is pre-committed, committed and aborted, and what a restore commits and aborts.
 */
class TwoPhaseCommitSinkFunctionTest {

  /** An external system with transactions, found by name, as a real one would be after a restart. */
  static final class Store {
    static final Map<String, Store> BY_NAME = new ConcurrentHashMap<>();
    final Map<String, List<String>> open = new TreeMap<>();
    final List<String> committed = new ArrayList<>();
    final List<String> calls = new ArrayList<>();
    int nextTransaction;
    boolean failCommits;

    static Store named(String name) {
      return BY_NAME.computeIfAbsent(name, n -> new Store());
    }
  }

  /** Writes into a {@link Store}; transactions are named "t0", "t1", ...; the context is the store's name. */
  static final class StoreSink extends TwoPhaseCommitSinkFunction<String, String, String> {
    private static final long serialVersionUID = 1L;
    private final String storeName;

    StoreSink(String storeName) {
      super(StringSerializer.INSTANCE, StringSerializer.INSTANCE);
      this.storeName = storeName;
    }

    private Store store() {
      return Store.named(storeName);
    }

    @Override
    protected Optional<String> initializeUserContext() {
      store().calls.add("initializeUserContext");
      return Optional.of(storeName);
    }

    @Override
    protected void invoke(String transaction, String value, Context context) {
      store().open.get(transaction).add(value);
    }

    @Override
    protected String beginTransaction() {
      String transaction = "t" + store().nextTransaction++;
      store().open.put(transaction, new ArrayList<>());
      store().calls.add("begin " + transaction);
      return transaction;
    }

    @Override
    protected void preCommit(String transaction) {
      store().calls.add("preCommit " + transaction);
    }

    @Override
    protected void commit(String transaction) {
      store().calls.add("commit " + transaction);
      if (store().failCommits) {
        throw new IllegalStateException("commit of " + transaction + " refused");
      }
      List<String> written = store().open.remove(transaction);
      if (written != null) { // committed before: commits are idempotent
        store().committed.addAll(written);
      }
    }

    @Override
    protected void recoverAndCommit(String transaction) {
      store().calls.add("recoverAndCommit " + transaction);
      super.recoverAndCommit(transaction);
    }

    @Override
    protected void abort(String transaction) {
      store().calls.add("abort " + transaction);
      store().open.remove(transaction);
    }

    @Override
    protected void recoverAndAbort(String transaction) {
      store().calls.add("recoverAndAbort " + transaction);
      super.recoverAndAbort(transaction);
    }

    @Override
    protected void finishRecoveringContext(Collection<String> handledTransactions) {
      store().calls.add("finishRecoveringContext " + handledTransactions + " context=" + getUserContext().orElseThrow());
    }

    @Override
    protected void finishProcessing(String transaction) {
      store().calls.add("finishProcessing " + transaction);
    }

    String current() {
      return currentTransaction();
    }

    Map<Long, String> pending() {
      return pendingTransactions().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a,
          TreeMap::new));
    }

    StoreSink timeout(long millis) {
      setTransactionTimeout(millis);
      return this;
    }

    StoreSink ignoringFailuresAfterTimeout() {
      ignoreFailuresAfterTransactionTimeout();
      return this;
    }

    StoreSink warningAt(double ratio) {
      enableTransactionTimeoutWarnings(ratio);
      return this;
    }
  }

  private static OneInputTestHarness<String, Object> harness(StoreSink sink) {
    return FactoryHarnesses.of(new SinkFunctionOperatorFactory<>(sink), "Sink");
  }

  @Test
  void aTransactionIsPreCommittedAtItsCheckpointAndCommittedWhenThatCheckpointCompletes() throws Exception {
    String name = "commit-order";
    StoreSink sink = new StoreSink(name);
    Store store = Store.named(name);
    try (OneInputTestHarness<String, Object> harness = harness(sink)) {
      harness.open();
      assertThat(sink.current()).isEqualTo("t0");
      harness.processElement("a").processElement("b");
      harness.snapshot(1, 0);
      assertThat(sink.current()).isEqualTo("t1");
      harness.processElement("c");
      harness.snapshot(2, 0);
      harness.processElement("d");
      assertThat(sink.pending()).containsExactly(Map.entry(1L, "t0"), Map.entry(2L, "t1"));
      assertThat(store.committed).isEmpty();

      harness.notifyOfCompletedCheckpoint(1);
      assertThat(store.committed).containsExactly("a", "b");
      assertThat(sink.pending()).containsExactly(Map.entry(2L, "t1"));
      harness.notifyOfCompletedCheckpoint(2);
      assertThat(store.committed).containsExactly("a", "b", "c");
      assertThat(store.open).containsOnlyKeys("t2");
    }
    // Closed without reaching the end of input: the open transaction is aborted.
    assertThat(store.calls).containsExactly("initializeUserContext", "begin t0", "preCommit t0", "begin t1",
        "preCommit t1", "begin t2", "commit t0", "commit t1", "abort t2");
    assertThat(store.open).isEmpty();
    assertThat(sink.current()).isNull();
  }

  @Test
  void aLaterCheckpointsCompletionCommitsTheEarlierOnesTransactionsToo() throws Exception {
    String name = "subsumed";
    Store store = Store.named(name);
    try (OneInputTestHarness<String, Object> harness = harness(new StoreSink(name))) {
      harness.open();
      harness.processElement("a");
      harness.snapshot(1, 0);
      harness.processElement("b");
      harness.snapshot(2, 0);
      harness.notifyOfCompletedCheckpoint(2);
      assertThat(store.committed).containsExactly("a", "b");
    }
  }

  @Test
  void theEndOfInputCommitsTheLastTransactionAndEveryPendingOne() throws Exception {
    String name = "end-of-input";
    Store store = Store.named(name);
    try (OneInputTestHarness<String, Object> harness = harness(new StoreSink(name))) {
      harness.open();
      harness.processElement("a");
      harness.snapshot(1, 0);
      harness.processElement("b");
      harness.endInput();
    }
    assertThat(store.committed).containsExactly("a", "b");
    assertThat(store.calls).endsWith("finishProcessing t1", "preCommit t1", "commit t0", "commit t1");
    assertThat(store.open).isEmpty();
  }

  @Test
  void aRestoreCommitsThePreCommittedTransactionsAndAbortsTheOpenOne() throws Exception {
    String name = "restore";
    Store store = Store.named(name);
    OperatorSubtaskState snapshot;
    OneInputTestHarness<String, Object> failing = harness(new StoreSink(name));
    failing.open();
    failing.processElement("a");
    failing.snapshot(1, 0);
    failing.processElement("b");
    snapshot = failing.snapshot(2, 0);
    failing.processElement("c"); // in t2, open when the restored checkpoint 2 was taken
    // The job fails before checkpoint 2's completion is heard; its task is never closed.
    store.calls.clear();

    StoreSink restored = new StoreSink(name);
    try (OneInputTestHarness<String, Object> harness = harness(restored).initializeState(snapshot, 2)) {
      harness.open();
      assertThat(store.calls).containsExactly("recoverAndCommit t0", "commit t0", "recoverAndCommit t1",
          "commit t1", "recoverAndAbort t2", "abort t2", "finishRecoveringContext [t0, t1, t2] context=restore",
          "begin t3");
      assertThat(store.committed).containsExactly("a", "b");
      assertThat(restored.pending()).isEmpty();
      assertThat(restored.current()).isEqualTo("t3");
      harness.processElement("d");
      harness.endInput();
    }
    assertThat(store.committed).containsExactly("a", "b", "d");
    assertThat(store.calls).doesNotContain("initializeUserContext");
  }

  @Test
  void aFailedCommitFailsTheNotificationAndNamesTheCheckpoint() throws Exception {
    String name = "failed-commit";
    Store store = Store.named(name);
    try (OneInputTestHarness<String, Object> harness = harness(new StoreSink(name))) {
      harness.open();
      harness.processElement("a");
      harness.snapshot(1, 0);
      store.failCommits = true;
      assertThatThrownBy(() -> harness.notifyOfCompletedCheckpoint(1))
          .hasStackTraceContaining("could not commit the transactions of checkpoint 1")
          .hasStackTraceContaining("commit of t0 refused");
      store.failCommits = false;
    }
  }

  @Test
  void aFailedCommitPastTheTransactionTimeoutIsIgnoredWhenAsked() throws Exception {
    String name = "timeout";
    Store store = Store.named(name);
    try (OneInputTestHarness<String, Object> harness =
        harness(new StoreSink(name).timeout(0).ignoringFailuresAfterTimeout().warningAt(0.5))) {
      harness.open();
      harness.processElement("a");
      long begun = Clock.systemUTC().millis();
      harness.snapshot(1, 0);
      store.failCommits = true;
      // The transaction must be older than the timeout of 0 ms: wait for the clock to move on.
      long deadline = System.nanoTime() + 1_000_000_000L;
      while (Clock.systemUTC().millis() <= begun + 1 && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      harness.notifyOfCompletedCheckpoint(1);
      assertThat(store.calls).contains("commit t0");
      store.failCommits = false;
    }
  }

  @Test
  void timeoutSettingsOutOfRangeAreRefusedWithTheValue() {
    StoreSink sink = new StoreSink("settings");
    assertThatThrownBy(() -> sink.timeout(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
    assertThatThrownBy(() -> sink.warningAt(1.5)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1.5");
    assertThatThrownBy(() -> sink.warningAt(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theSinkRefusesRecordsWithoutAnOpenTransaction() {
    StoreSink sink = new StoreSink("no-transaction");
    assertThatThrownBy(() -> sink.invoke("x", null)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no open transaction");
  }
}
