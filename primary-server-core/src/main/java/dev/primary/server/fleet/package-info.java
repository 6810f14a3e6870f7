/**
 * The fleet change feed: which computers' rows and which license counts changed, told to whoever watches (the admin
 * API's event stream), coalesced and relayed between the servers that share one store. Nothing here decides anything
 * about seats; a lost change costs a watcher one stale row, never a seat.
 */
package dev.primary.server.fleet;
