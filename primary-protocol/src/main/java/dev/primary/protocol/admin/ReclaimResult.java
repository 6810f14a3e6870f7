package dev.primary.protocol.admin;

import java.util.List;

/**
 * What a reclaim run did.
 *
 * @param reclaimed the computers whose seats were reclaimed (displayed names)
 * @param seatsGrantedToWaiting how many waiting computers got one of the freed seats
 */
public record ReclaimResult(List<String> reclaimed, int seatsGrantedToWaiting) {
    public ReclaimResult {
        reclaimed = List.copyOf(reclaimed);
    }
}
