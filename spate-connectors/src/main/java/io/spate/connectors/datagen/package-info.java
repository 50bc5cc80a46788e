/** The data generator source and its rate limiters. Public-evolving. */
package io.spate.connectors.datagen;
