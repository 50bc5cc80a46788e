/** How lookup sources run their lookups: the providers of lookup functions. */
package io.spate.table.connector.source.lookup;
