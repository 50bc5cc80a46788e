/** Small internal helpers shared by Spate SQL's parser, validator and type system. */
package io.spate.table.utils;
