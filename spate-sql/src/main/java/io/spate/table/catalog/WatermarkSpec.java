package io.spate.table.catalog;

import io.spate.api.annotation.PublicEvolving;

/**
 * A table's {@code WATERMARK FOR rowtime AS expression}: the rowtime attribute and the expression
 * (over the table's columns) whose largest value so far is the watermark.
 */
@PublicEvolving
public record WatermarkSpec(String rowtimeAttribute, String expression) {}
