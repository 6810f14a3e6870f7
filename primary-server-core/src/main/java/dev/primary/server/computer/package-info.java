/** Seat holders: a computer, or one user on a multi-user host, and where it stands. */
package dev.primary.server.computer;
