/** The server's log level: which loggers log at which Logback level, and changing it in the running process. */
package dev.primary.server.logging;
