/**
 * What every store adapter reports when it fails, whatever its technology: busy, unavailable,
 * or locked by another server. The adapters live in subpackages named for their technology.
 */
package dev.primary.server.store;
