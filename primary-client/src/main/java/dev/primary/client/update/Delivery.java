package dev.primary.client.update;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A package to fetch for one verified directive.
 *
 * @param slot what it updates: a product's wire name, or {@code content}
 * @param fingerprint the directive's identity: the same directive is never fetched twice once done or refused
 * @param label how people read it: {@code recorder V 1.2 (0345)}, {@code content revision 7}
 * @param download the server path to fetch it from
 * @param size its size in bytes, from the signed manifest
 * @param sha256 its SHA-256 (hex), from the signed manifest
 */
record Delivery(String slot, String fingerprint, String label, String download, long size, String sha256) {
    private static final Pattern DOWNLOAD_PATH = Pattern.compile("/[A-Za-z0-9._~/-]{1,500}");

    Delivery {
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(sha256, "sha256");
        if (download == null || !DOWNLOAD_PATH.matcher(download).matches() || download.contains("..")) {
            throw new IllegalArgumentException("download path must be a plain path on the server such as "
                    + "/v1/packages/<sha256>, got \"" + download + "\"");
        }
    }
}
