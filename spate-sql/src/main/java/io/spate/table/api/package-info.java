/** The Table API's user-facing entry points: {@link io.spate.table.api.DataTypes} and the table errors. */
package io.spate.table.api;
