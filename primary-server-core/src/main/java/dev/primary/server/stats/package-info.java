/**
 * The Control Center's charts: hourly statistics the server keeps (check-ins, registrations and reports counted in
 * memory and added to the store once a minute; the seats sampled once an hour; 90 days kept), and the fleet's
 * Recorder versions and a rollout's progress, counted in the store (docs/architecture.md, "Hourly statistics").
 */
package dev.primary.server.stats;
