package io.spate.api.functions;

import io.spate.api.annotation.Public;
import io.spate.api.eventtime.Watermark;
import java.io.Serializable;
import java.util.Objects;

/**
 * A legacy periodic assigner for records whose timestamps never decrease: the watermark is the
 * latest timestamp minus one. A record whose timestamp is lower than the one before it violates
 * that promise; what happens then is up to the {@link MonotonyViolationHandler} (by default it is
 * logged, and the record keeps its timestamp).
 *
 * @param <T> the record type
 */
@Public
@SuppressWarnings("deprecation")
public abstract class AscendingTimestampExtractor<T> implements AssignerWithPeriodicWatermarks<T> {

  private static final long serialVersionUID = 1L;

  private long currentTimestamp = Long.MIN_VALUE;
  private MonotonyViolationHandler violationHandler = new LoggingHandler();

  /** The timestamp of {@code element}, in milliseconds since the epoch; never lower than the previous one's. */
  public abstract long extractAscendingTimestamp(T element);

  /** Sets what happens when a timestamp is lower than the one before it; returns this extractor. */
  public AscendingTimestampExtractor<T> withViolationHandler(MonotonyViolationHandler handler) {
    this.violationHandler = Objects.requireNonNull(handler, "withViolationHandler: the handler must not be null.");
    return this;
  }

  @Override
  public final long extractTimestamp(T element, long recordTimestamp) {
    long timestamp = extractAscendingTimestamp(element);
    if (timestamp >= currentTimestamp) {
      currentTimestamp = timestamp;
    } else {
      violationHandler.handleViolation(timestamp, currentTimestamp);
    }
    return timestamp;
  }

  @Override
  public final Watermark getCurrentWatermark() {
    return new Watermark(currentTimestamp == Long.MIN_VALUE ? Long.MIN_VALUE : currentTimestamp - 1);
  }

  /** What to do with a timestamp that is lower than the one before it. */
  @Public
  public interface MonotonyViolationHandler extends Serializable {

    /** Called with the offending {@code elementTimestamp} and the {@code lastTimestamp} before it. */
    void handleViolation(long elementTimestamp, long lastTimestamp);
  }

  /** Lets a violation pass silently. */
  @Public
  public static final class IgnoringHandler implements MonotonyViolationHandler {

    private static final long serialVersionUID = 1L;

    @Override
    public void handleViolation(long elementTimestamp, long lastTimestamp) {}
  }

  /** Fails the job on a violation, naming both timestamps. */
  @Public
  public static final class FailingHandler implements MonotonyViolationHandler {

    private static final long serialVersionUID = 1L;

    @Override
    public void handleViolation(long elementTimestamp, long lastTimestamp) {
      throw new IllegalStateException("AscendingTimestampExtractor: timestamp " + elementTimestamp
          + " is lower than the previous one, " + lastTimestamp + "; the timestamps must not decrease.");
    }
  }

  /** Logs a violation as a warning, naming both timestamps. */
  @Public
  public static final class LoggingHandler implements MonotonyViolationHandler {

    private static final long serialVersionUID = 1L;

    @Override
    public void handleViolation(long elementTimestamp, long lastTimestamp) {
      System.getLogger(AscendingTimestampExtractor.class.getName()).log(System.Logger.Level.WARNING,
          "Timestamp monotony violated: {0} < {1}", elementTimestamp, lastTimestamp);
    }
  }
}
