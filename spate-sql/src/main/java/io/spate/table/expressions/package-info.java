/** Expressions of the Table API ({@code $("a").plus(1)}), which Spate writes as SQL. */
package io.spate.table.expressions;
