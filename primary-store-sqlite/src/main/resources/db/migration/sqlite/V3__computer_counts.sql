-- Manage Computers shows how many computers match its filter. Counting a state over an index costs
-- time in proportion to the fleet (about 0.1 s per million computers); these counts, kept by
-- triggers in the same transaction as every change, make the total of a page one row read.
-- Plain SQL, as V1 and V2. A state code (see StateCodes) has one row, made here for every code.
CREATE TABLE computer_counts (
    state     INTEGER PRIMARY KEY,
    computers INTEGER NOT NULL
);
INSERT INTO computer_counts (state, computers) VALUES (0, 0), (1, 0), (2, 0), (3, 0), (4, 0), (5, 0), (6, 0);
UPDATE computer_counts SET computers = (SELECT COUNT(*) FROM computers WHERE computers.state = computer_counts.state);

CREATE TRIGGER computer_counts_on_insert AFTER INSERT ON computers
BEGIN
    UPDATE computer_counts SET computers = computers + 1 WHERE state = new.state;
END;

CREATE TRIGGER computer_counts_on_delete AFTER DELETE ON computers
BEGIN
    UPDATE computer_counts SET computers = computers - 1 WHERE state = old.state;
END;

CREATE TRIGGER computer_counts_on_state_change AFTER UPDATE OF state ON computers
WHEN old.state IS NOT new.state
BEGIN
    UPDATE computer_counts SET computers = computers - 1 WHERE state = old.state;
    UPDATE computer_counts SET computers = computers + 1 WHERE state = new.state;
END;
