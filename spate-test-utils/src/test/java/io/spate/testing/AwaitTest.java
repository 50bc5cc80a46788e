package io.spate.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AwaitTest {

  private static final Duration SHORT = Duration.ofMillis(200);
  private static final Duration LONG = Duration.ofMinutes(1);

  @Test
  void aConditionThatNeverHoldsFailsNamingWhatWasAwaitedAfterItsLimit() {
    long start = System.nanoTime();
    assertThatThrownBy(() -> Await.until(SHORT, "the moon to turn blue", () -> false))
        .isInstanceOf(AssertionError.class)
        .hasMessage("Timed out after 200 ms waiting for: the moon to turn blue");
    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(SHORT.toNanos());
  }

  @Test
  void aConditionIsPolledUntilItHoldsAndTheWaitEndsThen() {
    AtomicInteger polls = new AtomicInteger();
    Await.until(LONG, "the fifth poll", () -> polls.incrementAndGet() == 5);
    assertThat(polls).hasValue(5);
  }

  @Test
  void aConditionThatAlreadyHoldsIsPolledOnce() {
    AtomicInteger polls = new AtomicInteger();
    Await.until(LONG, "a held condition", () -> polls.incrementAndGet() > 0);
    assertThat(polls).hasValue(1);
  }

  @Test
  void theWaitEndsWhenAnotherThreadMakesTheConditionTrue() throws Exception {
    CountDownLatch released = new CountDownLatch(1);
    Thread releaser = new Thread(released::countDown);
    releaser.start();
    Await.until(LONG, "the other thread", () -> released.getCount() == 0);
    releaser.join(TimeUnit.MINUTES.toMillis(1));
    assertThat(released.getCount()).isZero();
  }

  @Test
  void theDescriptionOfALazyWaitIsComputedOnlyOnTimeout() {
    AtomicInteger described = new AtomicInteger();
    Await.until(LONG, () -> "described " + described.incrementAndGet(), () -> true);
    assertThat(described).hasValue(0);
    assertThatThrownBy(() -> Await.until(SHORT, () -> "described " + described.incrementAndGet(), () -> false))
        .hasMessageEndingWith("waiting for: described 1");
  }

  @Test
  void aValueIsPolledUntilItMatchesAndReturned() {
    AtomicInteger counter = new AtomicInteger();
    assertThat(Await.untilMatches(LONG, "a count of three", counter::incrementAndGet, n -> n >= 3)).isEqualTo(3);
  }

  @Test
  void aValueThatNeverMatchesFailsShowingTheLastValueSeen() {
    AtomicInteger counter = new AtomicInteger();
    assertThatThrownBy(() -> Await.untilMatches(SHORT, "a negative count", counter::incrementAndGet, n -> n < 0))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("Timed out after 200 ms waiting for: a negative count; last value: ")
        .hasMessageEndingWith("last value: " + counter.get());
  }

  @Test
  void aConditionThatThrowsEndsTheWaitAtOnceWithItsException() {
    IllegalStateException broken = new IllegalStateException("broken");
    assertThatThrownBy(() -> Await.until(LONG, "a broken condition", () -> {
      throw broken;
    })).isSameAs(broken);
  }

  @Test
  void aCheckedExceptionOfAConditionEndsTheWaitAtOnceAsTheCause() {
    IOException unreadable = new IOException("unreadable");
    assertThatThrownBy(() -> Await.until(LONG, "a readable file", () -> {
      throw unreadable;
    })).isInstanceOf(AssertionError.class)
        .hasMessage("Failed while waiting for: a readable file: java.io.IOException: unreadable")
        .hasCause(unreadable);
  }

  @Test
  void aCallIsRepeatedUntilItSucceedsAndItsResultReturned() {
    AtomicInteger calls = new AtomicInteger();
    String result = Await.untilSucceeds(LONG, "the third call", () -> {
      if (calls.incrementAndGet() < 3) {
        throw new IOException("not yet " + calls.get());
      }
      return "done";
    });
    assertThat(result).isEqualTo("done");
    assertThat(calls).hasValue(3);
  }

  @Test
  void aCallThatNeverSucceedsFailsWithItsLastExceptionAsTheCause() {
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(() -> Await.untilSucceeds(SHORT, "a server that is never up", () -> {
      throw new IOException("refused " + calls.incrementAndGet());
    })).isInstanceOf(AssertionError.class)
        .hasMessageContaining("waiting for: a server that is never up; last failure: java.io.IOException: refused ")
        .cause().isInstanceOf(IOException.class).hasMessage("refused " + calls.get());
  }

  @Test
  void aCheckIsRunUntilItsAssertionsPassAndItsLastAssertionErrorIsTheCause() {
    AtomicInteger runs = new AtomicInteger();
    Await.untilPasses(LONG, "two runs", () -> assertThat(runs.incrementAndGet()).isEqualTo(2));
    assertThat(runs).hasValue(2);
    assertThatThrownBy(() -> Await.untilPasses(SHORT, "an impossible count", () -> assertThat(runs.get()).isNegative()))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("Timed out after 200 ms waiting for: an impossible count")
        .cause().isInstanceOf(AssertionError.class);
  }

  @Test
  void anInterruptEndsTheWaitAndStaysSet() {
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> Await.until(LONG, "an interrupted wait", () -> false))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("Interrupted after")
          .hasMessageEndingWith("waiting for: an interrupted wait");
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void aLimitThatIsNotPositiveIsRejected() {
    assertThatThrownBy(() -> Await.until(Duration.ZERO, "nothing", () -> true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The limit of a wait must be positive, not PT0S");
  }
}
