/** The TCP text source behind {@code socketTextStream}. Public-evolving. */
package io.spate.connectors.socket;
