package io.spate.runtime.network;

import io.spate.api.operators.WatermarkStatus;
import java.util.Arrays;

/**
 * Combines the watermarks and watermark statuses of all input channels of a task (of both inputs
 * of a two-input task) into the task's watermark and status.
 *
 * <p>The combined watermark is the minimum over the channels that are neither idle nor ended, and
 * it never goes backwards. A channel that turns active again only counts once its watermark has
 * caught up with the combined watermark, so its return cannot hold back the others. When every
 * remaining channel is idle, the valve emits the highest watermark among them (nothing will
 * advance until one of them resumes) and turns idle; it turns active when one resumes. Ended
 * channels are left out of that too: their final watermark (the maximum) must not make the data
 * still to come from an idle channel late. What such a channel reached before its final watermark
 * does count: once only idle and finished channels are left, the output moves up to the highest
 * watermark a finished channel had before its final one, so that the result does not depend on
 * whether another channel's idleness arrived before or after those watermarks.
 */
public final class WatermarkValve {

  /** Receives what the valve emits. */
  public interface Downstream {
    /** The combined watermark advanced to {@code watermark}. */
    void emitWatermark(long watermark);

    /** The combined status changed to {@code status}. */
    void emitWatermarkStatus(WatermarkStatus status);
  }

  private final Downstream downstream;
  private final long[] watermarks;
  private final boolean[] idle;
  private final boolean[] ended;
  // Per channel, its highest watermark below the final one (the maximum).
  private final long[] beforeFinal;
  private long emitted = Long.MIN_VALUE;
  private boolean outputIdle;

  /** Creates the valve for {@code numberOfChannels} channels, all active. */
  public WatermarkValve(int numberOfChannels, Downstream downstream) {
    this.downstream = downstream;
    this.watermarks = new long[numberOfChannels];
    this.idle = new boolean[numberOfChannels];
    this.ended = new boolean[numberOfChannels];
    this.beforeFinal = new long[numberOfChannels];
    Arrays.fill(watermarks, Long.MIN_VALUE);
    Arrays.fill(beforeFinal, Long.MIN_VALUE);
  }

  /** Records a watermark of {@code channel}. */
  public void onWatermark(int channel, long watermark) {
    if (ended[channel] || watermark <= watermarks[channel]) {
      return;
    }
    watermarks[channel] = watermark;
    if (watermark != Long.MAX_VALUE) {
      beforeFinal[channel] = watermark;
    }
    if (idle[channel]) {
      return; // kept: it decides whether the channel is caught up once it resumes
    }
    if (watermark >= emitted) { // caught up (again): it counts for the minimum
      advanceToMinimum();
    }
  }

  /** Records a status change of {@code channel}. */
  public void onStatus(int channel, WatermarkStatus status) {
    if (ended[channel] || idle[channel] == (status == WatermarkStatus.IDLE)) {
      return;
    }
    if (status == WatermarkStatus.IDLE) {
      idle[channel] = true;
      settleAfterRemoval();
    } else {
      idle[channel] = false;
      if (outputIdle) {
        outputIdle = false;
        downstream.emitWatermarkStatus(WatermarkStatus.ACTIVE);
      }
      advanceToMinimum();
    }
  }

  /** Records that {@code channel} ended: it no longer holds anything back. */
  public void onEnd(int channel) {
    if (ended[channel]) {
      return;
    }
    ended[channel] = true;
    idle[channel] = false;
    settleAfterRemoval();
  }

  /** The last combined watermark emitted, {@code Long.MIN_VALUE} before the first. */
  public long currentWatermark() {
    return emitted;
  }

  /** Whether the combined status is idle. */
  public boolean isIdle() {
    return outputIdle;
  }

  private void settleAfterRemoval() {
    boolean anyRemaining = false;
    boolean anyActive = false;
    long max = Long.MIN_VALUE;
    for (int i = 0; i < watermarks.length; i++) {
      if (!ended[i]) {
        anyRemaining = true;
        anyActive |= !idle[i];
        max = Math.max(max, watermarks[i]);
      }
    }
    if (anyActive) {
      advanceToMinimum();
    } else if (anyRemaining) {
      emitThenIdle(Math.max(max, highestBeforeFinal()), true);
    }
  }

  /**
   * Emits the minimum over the channels that count: active, not ended, and caught up with the last
   * emitted watermark (a channel that returns from idleness behind it rejoins once it catches up).
   * Such a channel never falls behind again, as the output only moves up to the minimum of them.
   *
   * <p>A channel at the maximum watermark has sent its final one: it counts like an ended channel,
   * so that it cannot make the data still to come from an idle channel late (its end-of-input may
   * arrive after its final watermark). Only when no channel is idle does the maximum go out.
   */
  private void advanceToMinimum() {
    long min = Long.MAX_VALUE;
    boolean any = false;
    boolean anyFinal = false;
    boolean anyBehind = false;
    for (int i = 0; i < watermarks.length; i++) {
      if (idle[i] || ended[i]) {
        continue;
      }
      if (watermarks[i] == Long.MAX_VALUE) {
        anyFinal = true;
      } else if (watermarks[i] >= emitted) {
        min = Math.min(min, watermarks[i]);
        any = true;
      } else {
        anyBehind = true;
      }
    }
    if (any) {
      if (min > emitted) {
        emitted = min;
        downstream.emitWatermark(min);
      }
      return;
    }
    if (!anyFinal || anyBehind) {
      return;
    }
    long highestIdle = Long.MIN_VALUE;
    boolean anyIdle = false;
    for (int i = 0; i < watermarks.length; i++) {
      if (idle[i] && !ended[i] && watermarks[i] != Long.MAX_VALUE) {
        anyIdle = true;
        highestIdle = Math.max(highestIdle, watermarks[i]);
      }
    }
    emitThenIdle(anyIdle ? Math.max(highestIdle, highestBeforeFinal()) : Long.MAX_VALUE, anyIdle);
  }

  /** The highest watermark that a channel which sent its final one had before it. */
  private long highestBeforeFinal() {
    long highest = Long.MIN_VALUE;
    for (int i = 0; i < watermarks.length; i++) {
      if (watermarks[i] == Long.MAX_VALUE) {
        highest = Math.max(highest, beforeFinal[i]);
      }
    }
    return highest;
  }

  /** Emits {@code watermark} if it is above the last one, then turns the output idle if {@code turnIdle}. */
  private void emitThenIdle(long watermark, boolean turnIdle) {
    if (watermark > emitted) {
      emitted = watermark;
      downstream.emitWatermark(watermark);
    }
    if (turnIdle && !outputIdle) {
      outputIdle = true;
      downstream.emitWatermarkStatus(WatermarkStatus.IDLE);
    }
  }
}
