package dev.primary.bench.fleet.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * An HTTP/1.1 request as a simulated client sends it: method, path, its own headers (signature headers and the
 * like) and a body, encoded straight into one buffer per send. {@code Host}, {@code Content-Length} and, on a fresh
 * connection, {@code Connection: close} are added by the transport.
 *
 * @param method {@code GET} or {@code POST}
 * @param path the request target, starting with {@code /}
 * @param headers further headers, in order
 * @param body the body bytes; empty for none
 * @param contentType the body's media type, or null for a request without body
 */
public record OutgoingRequest(String method, String path, List<Header> headers, byte[] body, String contentType) {
    private static final byte[] CRLF = {'\r', '\n'};

    public OutgoingRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        headers = List.copyOf(headers);
        body = body == null ? new byte[0] : body;
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("a request path starts with '/', got " + path);
        }
    }

    /** A GET without body. */
    public static OutgoingRequest get(String path, List<Header> headers) {
        return new OutgoingRequest("GET", path, headers, new byte[0], null);
    }

    /** A POST of a JSON body. */
    public static OutgoingRequest postJson(String path, List<Header> headers, byte[] body) {
        return new OutgoingRequest("POST", path, headers, body, "application/json");
    }

    /** The request's bytes on the wire, in a buffer from {@code allocator} that the caller releases (or writes). */
    public ByteBuf encode(ByteBufAllocator allocator, String authority, boolean keepAlive) {
        ByteBuf out = allocator.buffer(256 + body.length);
        ascii(out, method);
        out.writeByte(' ');
        ascii(out, path);
        ascii(out, " HTTP/1.1");
        out.writeBytes(CRLF);
        line(out, "Host", authority);
        if (contentType != null) {
            line(out, "Content-Type", contentType);
        }
        if (body.length > 0 || "POST".equals(method)) {
            line(out, "Content-Length", Integer.toString(body.length));
        }
        if (!keepAlive) {
            line(out, "Connection", "close");
        }
        for (Header header : headers) {
            line(out, header.name(), header.value());
        }
        out.writeBytes(CRLF);
        out.writeBytes(body);
        return out;
    }

    private static void line(ByteBuf out, String name, String value) {
        ascii(out, name);
        out.writeByte(':');
        out.writeByte(' ');
        out.writeCharSequence(value, StandardCharsets.UTF_8);
        out.writeBytes(CRLF);
    }

    private static void ascii(ByteBuf out, String text) {
        out.writeCharSequence(text, StandardCharsets.US_ASCII);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OutgoingRequest request && method.equals(request.method)
                && path.equals(request.path) && headers.equals(request.headers)
                && java.util.Arrays.equals(body, request.body) && Objects.equals(contentType, request.contentType);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, path, headers, java.util.Arrays.hashCode(body), contentType);
    }

    @Override
    public String toString() {
        return method + " " + path + " (" + body.length + " bytes)";
    }
}
