package dev.primary.server.http;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.multipart.Attribute;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.FileUpload;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fields of a console form, as {@code application/x-www-form-urlencoded} or {@code multipart/form-data} (the
 * license upload) sends them; files are kept in memory, within the admin port's body limit. Anything else is a 415.
 */
final class ConsoleForm {
    private final Map<String, String> fields;
    private final Map<String, byte[]> files;

    private ConsoleForm(Map<String, String> fields, Map<String, byte[]> files) {
        this.fields = Map.copyOf(fields);
        this.files = Map.copyOf(files);
    }

    static ConsoleForm of(Request request) {
        String contentType = request.header("Content-Type").orElse("");
        String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        byte[] body = request.body();
        if (body.length == 0) {
            return new ConsoleForm(Map.of(), Map.of());
        }
        return switch (mediaType) {
            case "application/x-www-form-urlencoded" -> urlEncoded(body);
            case "multipart/form-data" -> multipart(contentType, body);
            default -> throw new UnsupportedMediaTypeException(contentType);
        };
    }

    /** A field's value; empty when absent. */
    String field(String name) {
        return fields.getOrDefault(name, "");
    }

    /** An uploaded file's bytes; empty when absent. */
    byte[] file(String name) {
        byte[] content = files.get(name);
        return content == null ? new byte[0] : content.clone();
    }

    private static ConsoleForm urlEncoded(byte[] body) {
        QueryStringDecoder decoder = new QueryStringDecoder(new String(body, StandardCharsets.UTF_8), false);
        Map<String, String> fields = new HashMap<>();
        for (Map.Entry<String, List<String>> entry : decoder.parameters().entrySet()) {
            List<String> values = entry.getValue();
            fields.put(entry.getKey(), values.get(values.size() - 1));
        }
        return new ConsoleForm(fields, Map.of());
    }

    private static ConsoleForm multipart(String contentType, byte[] body) {
        FullHttpRequest whole = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/",
                Unpooled.wrappedBuffer(body));
        whole.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        whole.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        HttpPostRequestDecoder decoder;
        try {
            decoder = new HttpPostRequestDecoder(new DefaultHttpDataFactory(false), whole, StandardCharsets.UTF_8);
        } catch (HttpPostRequestDecoder.ErrorDataDecoderException e) {
            throw new MalformedHttpException("the form's multipart body cannot be read: " + e.getMessage());
        }
        try {
            Map<String, String> fields = new HashMap<>();
            Map<String, byte[]> files = new HashMap<>();
            for (InterfaceHttpData data : decoder.getBodyHttpDatas()) {
                if (data instanceof FileUpload upload) {
                    files.put(upload.getName(), upload.get());
                } else if (data instanceof Attribute attribute) {
                    fields.put(attribute.getName(), attribute.getValue());
                }
            }
            return new ConsoleForm(fields, files);
        } catch (IOException | HttpPostRequestDecoder.ErrorDataDecoderException e) {
            throw new MalformedHttpException("the form's multipart body cannot be read: " + e.getMessage());
        } finally {
            decoder.destroy();
        }
    }
}
