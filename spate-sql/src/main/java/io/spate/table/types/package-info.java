/** Data types: logical types paired with the Java classes their values have in a Table API program. */
package io.spate.table.types;
