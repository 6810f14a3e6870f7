/**
 * The licensing core: who holds which seat, and the leases that prove it.
 *
 * <p>{@link dev.primary.server.licensing.Licensing} implements the client protocol
 * ({@link dev.primary.server.licensing.ClientProtocol}) and the administration
 * ({@link dev.primary.server.licensing.Administration}) over the store port
 * {@link dev.primary.server.licensing.LicensingStore}. The rules it keeps:
 * <ul>
 *   <li>A seat holder is a computer (name + domain, any case), or one user on a multi-user host;
 *       it holds at most one seat. A reinstalled client takes over its computer's seat.</li>
 *   <li>The seat pool is the seats of the active licenses (unlocked, not expired). A seat belongs
 *       to the license it came from; grants take the license expiring first, perpetual ones last.</li>
 *   <li>While every seat is taken, newcomers queue first come, first served; a freed seat goes at
 *       once to the computer that waited longest, which gets its lease at its next contact.</li>
 *   <li>EXPIRED is not a stored state: it is a licensed computer whose lease ran out.</li>
 *   <li>Every change is audited in the transaction that makes it; plain renewals are not.</li>
 * </ul>
 * Decisions that take or free a seat run inside one store write, which the store isolates from
 * every other write (its contract: {@link dev.primary.server.licensing.LicensingStore}) and makes
 * durable before the caller is answered; leases are signed after the write. Software updates
 * enter through an {@link dev.primary.server.licensing.UpdateAdvisor}: it adds the update
 * directives to a licensed client's answer and records the client's update reports, inside the
 * same write.
 */
package dev.primary.server.licensing;
