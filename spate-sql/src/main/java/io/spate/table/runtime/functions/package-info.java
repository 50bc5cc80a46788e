/** Calls of user-defined functions in running jobs. */
package io.spate.table.runtime.functions;
