-- Where each audited request came from (the admin caller's or the client's address); empty for older entries and
-- for what the server does by itself.
ALTER TABLE audit ADD COLUMN source TEXT NOT NULL DEFAULT '';
