/** The data generator source and its rate limiters. */
package io.spate.connectors.datagen;
