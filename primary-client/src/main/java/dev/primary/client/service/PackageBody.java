package dev.primary.client.service;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * The body of a package download as it arrives: read it as a stream, never whole (packages can be
 * hundreds of megabytes), and close it.
 *
 * @param offset the byte of the package the body starts at: the offset asked for when the server honoured the
 *     range ({@code 206}), 0 when it sent the whole package ({@code 200})
 * @param length the number of bytes in the body; -1 when the server did not say
 * @param content the bytes
 */
public record PackageBody(long offset, long length, InputStream content) implements Closeable {
    public PackageBody {
        Objects.requireNonNull(content, "content");
        if (offset < 0) {
            throw new IllegalArgumentException("offset cannot be negative, got " + offset);
        }
    }

    @Override
    public void close() throws IOException {
        content.close();
    }
}
