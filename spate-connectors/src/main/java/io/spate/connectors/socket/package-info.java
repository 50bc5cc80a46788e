/** The TCP text source behind {@code socketTextStream}. */
package io.spate.connectors.socket;
