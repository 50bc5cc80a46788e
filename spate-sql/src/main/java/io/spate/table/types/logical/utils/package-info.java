/** Reading logical types from Flink's type strings. */
package io.spate.table.types.logical.utils;
