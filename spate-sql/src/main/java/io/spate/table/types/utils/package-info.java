/** Conversions between logical types and data types. */
package io.spate.table.types.utils;
