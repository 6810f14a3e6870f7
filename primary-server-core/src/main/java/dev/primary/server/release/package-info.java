/**
 * The release core: software updates for the fleet.
 *
 * <p>{@link dev.primary.server.release.Releases} implements the administration
 * ({@link dev.primary.server.release.ReleaseAdministration}) over the store port
 * {@link dev.primary.server.release.ReleaseStore} and the package store
 * {@link dev.primary.server.release.PackageStore}, and is the licensing core's
 * {@link dev.primary.server.licensing.UpdateAdvisor}. The rules it keeps:
 * <ul>
 *   <li>A release or content manifest is accepted only signed by a trusted release key, unaltered,
 *       with its package already uploaded at the size it names; a release must be newer than its
 *       product's newest, unless signed as a downgrade; a content revision newer than the latest.</li>
 *   <li>One rollout per product is current; starting one supersedes the older. A p% share reaches a
 *       computer when the first 4 bytes of SHA-256(rollout id + ":" + computer key) mod 100 are below p,
 *       so raising it only adds computers.</li>
 *   <li>Running rollouts assign computers (recorded pending); paused ones only keep serving those
 *       assigned; halted ones, stopped by their failure threshold, serve nobody.</li>
 *   <li>No directive to a computer that runs the target, runs something newer (unless a signed
 *       downgrade), has a Client Service below the release's minimum, or reported the rollout
 *       failed or installed.</li>
 *   <li>Each computer counts once per rollout: its update records are kept per computer, product and rollout.</li>
 * </ul>
 * Releases, contents and rollouts are held in memory and reloaded with each change, so a check-in
 * reads only its own computer's update records, and only while a rollout may concern it.
 */
package dev.primary.server.release;
