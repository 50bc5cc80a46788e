package io.spate.runtime.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The heartbeat monitor on a manual clock: who stays, who is reported lost, and when. */
class HeartbeatMonitorTest {

  private static final HeartbeatSettings SETTINGS = new HeartbeatSettings(100, 500);

  private final ManualScheduler scheduler = new ManualScheduler();
  private final Set<String> answering = new HashSet<>();
  private final Map<String, Integer> requests = new HashMap<>();
  private final List<String> answers = new ArrayList<>();
  private final List<String> lost = new ArrayList<>();
  private final List<Long> silences = new ArrayList<>();
  private HeartbeatMonitor<String> monitor;

  @BeforeEach
  void createMonitor() {
    monitor = new HeartbeatMonitor<>(SETTINGS, scheduler, Runnable::run, scheduler::nowMillis,
        target -> {
          requests.merge(target, 1, Integer::sum);
          return answering.contains(target)
              ? CompletableFuture.completedFuture("report of " + target)
              : CompletableFuture.failedFuture(new IllegalStateException(target + " is gone"));
        },
        new HeartbeatMonitor.Listener<>() {
          @Override
          public void heartbeatReceived(String target, String payload) {
            answers.add(payload);
          }

          @Override
          public void targetLost(String target, long silentMillis) {
            lost.add(target);
            silences.add(silentMillis);
          }
        });
    monitor.start();
  }

  @Test
  void aTargetThatAnswersStaysAndIsAskedEveryInterval() {
    answering.add("te-1");
    monitor.monitorTarget("te-1");
    scheduler.advance(10_000);
    assertThat(lost).isEmpty();
    assertThat(monitor.isMonitoring("te-1")).isTrue();
    assertThat(requests.get("te-1")).isEqualTo(100);
    assertThat(answers).hasSize(100).allMatch("report of te-1"::equals);
  }

  @Test
  void aTargetThatStopsAnsweringIsReportedOnceAfterTheTimeout() {
    answering.add("te-1");
    answering.add("te-2");
    monitor.monitorTarget("te-1");
    monitor.monitorTarget("te-2");
    scheduler.advance(1_000);
    answering.remove("te-2"); // its last answer was at the check of 1000 ms

    scheduler.advance(500);
    assertThat(lost).as("silent for exactly the timeout").isEmpty();
    scheduler.advance(100);
    assertThat(lost).containsExactly("te-2");
    assertThat(silences).containsExactly(600L);
    assertThat(monitor.targets()).containsExactly("te-1");

    scheduler.advance(10_000);
    assertThat(lost).as("reported once").containsExactly("te-2");
  }

  @Test
  void aTargetThatNeverAnswersIsReportedAfterTheTimeoutCountedFromWhenItWasAdded() {
    monitor.monitorTarget("te-1");
    scheduler.advance(500);
    assertThat(lost).isEmpty();
    scheduler.advance(100);
    assertThat(lost).containsExactly("te-1");
  }

  @Test
  void aRemovedTargetIsNotReported() {
    monitor.monitorTarget("te-1");
    scheduler.advance(300);
    assertThat(monitor.unmonitorTarget("te-1")).isTrue();
    scheduler.advance(10_000);
    assertThat(lost).isEmpty();
    assertThat(monitor.unmonitorTarget("te-1")).isFalse();
  }

  @Test
  void aTargetAddedAgainCountsItsSilenceAfresh() {
    monitor.monitorTarget("te-1");
    scheduler.advance(400);
    monitor.monitorTarget("te-1");
    scheduler.advance(500);
    assertThat(lost).isEmpty();
    scheduler.advance(100);
    assertThat(lost).containsExactly("te-1");
  }

  @Test
  void anAnswerThatNeverComesSendsNoSecondRequestAndTheTargetIsLost() {
    monitor = new HeartbeatMonitor<>(SETTINGS, scheduler, Runnable::run, scheduler::nowMillis,
        target -> {
          requests.merge(target, 1, Integer::sum);
          return new CompletableFuture<>();
        },
        (target, silentMillis) -> lost.add(target));
    monitor.start();
    monitor.monitorTarget("te-1");
    scheduler.advance(2_000);
    assertThat(requests.get("te-1")).isEqualTo(1);
    assertThat(lost).containsExactly("te-1");
  }

  @Test
  void aReceivingMonitorKeepsATargetThatSendsHeartbeatsAndReportsOneThatFallsSilent() {
    List<String> silent = new ArrayList<>();
    HeartbeatMonitor<Void> receiver = new HeartbeatMonitor<>(SETTINGS, scheduler, Runnable::run,
        scheduler::nowMillis, null, (target, silentMillis) -> silent.add(target));
    receiver.start();
    receiver.monitorTarget("resourcemanager");
    for (int i = 0; i < 20; i++) {
      scheduler.advance(200);
      receiver.receiveHeartbeat("resourcemanager");
    }
    assertThat(silent).isEmpty();
    scheduler.advance(600);
    assertThat(silent).containsExactly("resourcemanager");
    receiver.receiveHeartbeat("resourcemanager"); // too late: it is no longer watched
    scheduler.advance(1_000);
    assertThat(silent).containsExactly("resourcemanager");
  }

  @Test
  void aStoppedMonitorReportsNothing() {
    monitor.monitorTarget("te-1");
    monitor.stop();
    scheduler.advance(10_000);
    assertThat(lost).isEmpty();
    assertThat(requests).isEmpty();
  }
}
