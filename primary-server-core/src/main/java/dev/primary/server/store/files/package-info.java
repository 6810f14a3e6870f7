/**
 * The package store on the local file system: {@link dev.primary.server.store.files.FilePackageStore},
 * plain {@code java.nio}, one file per SHA-256 under {@code <data-dir>/packages/}.
 */
package dev.primary.server.store.files;
