package dev.primary.protocol.admin;

import java.util.List;

/**
 * One page of Manage Computers.
 *
 * @param total how many computers match the filter
 * @param offset the index of the first item
 * @param limit the page size asked for
 * @param items the computers on this page
 */
public record ComputerPage(long total, int offset, int limit, List<ComputerView> items) {
    public ComputerPage {
        items = List.copyOf(items);
    }
}
