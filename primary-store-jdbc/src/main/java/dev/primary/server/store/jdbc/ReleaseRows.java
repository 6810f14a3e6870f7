package dev.primary.server.store.jdbc;

import dev.primary.protocol.admin.RolloutView;
import dev.primary.protocol.crypto.SignedDocument;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.release.Product;
import dev.primary.protocol.release.UpdateState;
import dev.primary.server.computer.UpdateRecord;
import dev.primary.server.release.ContentUpdate;
import dev.primary.server.release.Release;
import dev.primary.server.release.Rollout;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The columns of the update tables and how a row becomes a domain value; read by position, in the order of the lists. */
public final class ReleaseRows {
    public static final String RELEASE_COLUMNS = "manifest, added_at";
    public static final String CONTENT_COLUMNS = "manifest, added_at";
    public static final String ROLLOUT_COLUMNS = "id, product, version, group_name, percent, failure_threshold, state,"
            + " reason, created_at, changed_at";
    public static final String UPDATE_COLUMNS = "product, rollout_id, version, state, reason, updated_at";

    private ReleaseRows() {}

    public static Release release(ResultSet row) throws SQLException {
        return Release.stored(document(row.getString(1)), StoredValues.instant(row, 2));
    }

    public static ContentUpdate content(ResultSet row) throws SQLException {
        return ContentUpdate.stored(document(row.getString(1)), StoredValues.instant(row, 2));
    }

    public static Rollout rollout(ResultSet row) throws SQLException {
        return new Rollout(row.getLong(1), Product.fromWire(row.getString(2)), Rows.version(row.getString(3)),
                row.getString(4), row.getInt(5), row.getInt(6), RolloutView.State.fromWire(row.getString(7)),
                row.getString(8), StoredValues.instant(row, 9), StoredValues.instant(row, 10));
    }

    /** The values of {@link #ROLLOUT_COLUMNS} but the id, for {@code rollout}. */
    public static Object[] rolloutValues(Rollout rollout) {
        return new Object[] {rollout.product().wireName(), rollout.version().dotted(), rollout.group(),
            rollout.percent(), rollout.failureThreshold(), rollout.state().wireName(), rollout.reason(),
            rollout.createdAt(), rollout.changedAt()};
    }

    public static UpdateRecord update(ResultSet row) throws SQLException {
        return new UpdateRecord(Product.fromWire(row.getString(1)), row.getLong(2), Rows.version(row.getString(3)),
                UpdateState.fromWire(row.getString(4)), row.getString(5), StoredValues.instant(row, 6));
    }

    private static SignedDocument document(String json) {
        return Json.read(json.getBytes(StandardCharsets.UTF_8), SignedDocument.class);
    }
}
