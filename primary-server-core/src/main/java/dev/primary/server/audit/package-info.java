/** The audit trail: every change, who made it, and why. */
package dev.primary.server.audit;
