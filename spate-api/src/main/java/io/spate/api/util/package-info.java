/**
 * Small utilities the other packages of spate-api share. Internal unless a type says otherwise.
 */
package io.spate.api.util;
