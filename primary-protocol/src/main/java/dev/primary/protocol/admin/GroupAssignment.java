package dev.primary.protocol.admin;

/**
 * Puts a computer in a group (for rollouts): {@code POST /admin/v1/computers/group}.
 *
 * @param computer {@code NAME}, {@code DOMAIN\NAME} or {@code DOMAIN\NAME\USER}
 * @param group the group name (letters, digits, '.', '_', '-'); empty to take it out of its group
 */
public record GroupAssignment(String computer, String group) {
    public GroupAssignment {
        if (computer == null || computer.isBlank()) {
            throw new IllegalArgumentException("computer is required");
        }
        group = group == null ? "" : group.strip();
        if (!group.matches("([A-Za-z0-9][A-Za-z0-9._-]{0,63})?")) {
            throw new IllegalArgumentException("group must be 1-64 letters, digits, '.', '_' or '-', got \"" + group + "\"");
        }
    }
}
