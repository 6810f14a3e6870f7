-- The audit trail read by actor, action or subject (newest first) and by time: GET /admin/v1/audit's filters.
CREATE INDEX audit_by_actor ON audit (actor, id);
CREATE INDEX audit_by_action ON audit (action, id);
CREATE INDEX audit_by_subject ON audit (subject, id);
CREATE INDEX audit_by_time ON audit (at);
