package io.spate.table.factories;

import io.spate.api.annotation.PublicEvolving;

/**
 * A factory of a format, found by the value of a table's {@code 'format'} option. Its options are
 * declared without prefix ({@code field-delimiter}) and set on a table with the format's identifier
 * in front ({@code 'csv.field-delimiter'}).
 */
@PublicEvolving
public interface FormatFactory extends Factory {}
