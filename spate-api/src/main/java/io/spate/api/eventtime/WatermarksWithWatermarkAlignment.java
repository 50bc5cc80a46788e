package io.spate.api.eventtime;

/** A strategy whose source readers keep their watermarks within a drift of their alignment group's. */
final class WatermarksWithWatermarkAlignment<T> extends DelegatingWatermarkStrategy<T> {

  private static final long serialVersionUID = 1L;

  private final WatermarkAlignmentParams alignment;

  WatermarksWithWatermarkAlignment(WatermarkStrategy<T> base, WatermarkAlignmentParams alignment) {
    super(base);
    this.alignment = alignment;
  }

  @Override
  public WatermarkAlignmentParams getAlignmentParameters() {
    return alignment;
  }
}
