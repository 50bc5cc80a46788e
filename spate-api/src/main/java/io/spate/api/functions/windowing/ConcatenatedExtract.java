package io.spate.api.functions.windowing;

import io.spate.api.annotation.PublicEvolving;
import java.util.Objects;

/**
 * Two extractors one after the other: the second takes its part out of what the first took.
 *
 * @param <FROM> the record type
 * @param <OVER> the type between the two
 * @param <TO> the type of the final part
 */
@PublicEvolving
public class ConcatenatedExtract<FROM, OVER, TO> implements Extractor<FROM, TO> {

  private static final long serialVersionUID = 1L;

  private final Extractor<FROM, OVER> first;
  private final Extractor<OVER, TO> second;

  /** Runs {@code e1}, then {@code e2} on its result. */
  public ConcatenatedExtract(Extractor<FROM, OVER> e1, Extractor<OVER, TO> e2) {
    this.first = Objects.requireNonNull(e1, "ConcatenatedExtract: the first extractor must not be null.");
    this.second = Objects.requireNonNull(e2, "ConcatenatedExtract: the second extractor must not be null.");
  }

  @Override
  public TO extract(FROM in) {
    return second.extract(first.extract(in));
  }

  /** This chain followed by {@code e3}. */
  public <OUT> ConcatenatedExtract<FROM, TO, OUT> add(Extractor<TO, OUT> e3) {
    return new ConcatenatedExtract<>(this, e3);
  }
}
