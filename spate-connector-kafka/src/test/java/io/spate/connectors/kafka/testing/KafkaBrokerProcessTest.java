package io.spate.connectors.kafka.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KafkaBrokerProcessTest {

  /** A line as Kafka 4.3.1's transaction marker channel logs it, for transaction {@code id}. */
  private static String skipped(String partitions, String id) {
    return "[2026-11-28 01:02:03,456] INFO [Transaction Marker Channel Manager 1]: Couldn't find leader endpoint for"
        + " partitions " + partitions + " while trying to send transaction markers for " + id + ", these partitions"
        + " are likely deleted already and hence can be skipped (kafka.coordinator.transaction.TransactionMarkerChannelManager)";
  }

  @Test
  void skippedMarkersAreThoseOfTheRunItselfNotOfARunWhoseNameItBegins() {
    String own = skipped("[killed-before-commit-out-1]", "killed-before-commit-0-7");
    String longerRun = skipped("[killed-before-commit-that-times-out-out-2]", "killed-before-commit-that-times-out-1-4");
    List<String> log = List.of("[2026-11-28 01:02:03,000] INFO starting", longerRun, own,
        skipped("[other-out-0]", "other-2-1"));

    assertThat(KafkaBrokerProcess.skippedTransactionMarkers(log, "killed-before-commit")).containsExactly(own);
    assertThat(KafkaBrokerProcess.skippedTransactionMarkers(log, "killed-before-commit-that-times-out"))
        .containsExactly(longerRun);
    assertThat(KafkaBrokerProcess.skippedTransactionMarkers(log, "killed")).isEmpty();
  }

  @Test
  void otherLinesNamingATransactionAreNoSkippedMarkers() {
    List<String> log = List.of(
        "[2026-11-28 01:02:03,000] INFO Completed rollback of ongoing transaction for transactionalId run-0-3",
        "[2026-11-28 01:02:03,000] INFO Sending run-0-3's transaction markers for [run-out-0] with coordinator epoch 1");

    assertThat(KafkaBrokerProcess.skippedTransactionMarkers(log, "run")).isEmpty();
  }

  @Test
  void theSinksIdsMatchTheirPrefixExactly() {
    assertThat(KafkaBrokerProcess.transactionalIdsOf("run.a").matcher("run.a-0-12").matches()).isTrue();
    assertThat(KafkaBrokerProcess.transactionalIdsOf("run.a").matcher("runxa-0-12").matches()).isFalse();
    assertThat(KafkaBrokerProcess.transactionalIdsOf("run").matcher("run-late-0-12").matches()).isFalse();
    assertThat(KafkaBrokerProcess.transactionalIdsOf("run").matcher("run-0").matches()).isFalse();
  }
}
