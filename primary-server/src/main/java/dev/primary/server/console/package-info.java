/**
 * What the web console's pages show: one record per page, built by the console's handlers in
 * {@code dev.primary.server.http} and rendered by the templates in {@code src/main/jte}, which are compiled to Java
 * at build time.
 */
package dev.primary.server.console;
