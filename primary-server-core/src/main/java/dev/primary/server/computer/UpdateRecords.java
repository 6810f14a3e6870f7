package dev.primary.server.computer;

import java.util.List;

/** Reads the {@link UpdateRecord}s of a computer (one indexed lookup). */
public interface UpdateRecords {

    /** Every update record of computer {@code computerId}, in no particular order. */
    List<UpdateRecord> updateRecords(long computerId);
}
