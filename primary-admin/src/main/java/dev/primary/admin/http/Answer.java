package dev.primary.admin.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.primary.protocol.json.Json;
import java.io.IOException;
import java.util.List;

/**
 * A successful answer of the admin API: its JSON body, readable as the protocol's records. Reading
 * is tolerant of fields this client does not know yet, so a newer server does not break it.
 *
 * @param request what was asked, e.g. {@code GET /admin/v1/summary}
 * @param status the HTTP status (2xx)
 * @param body the JSON body
 */
public record Answer(String request, int status, byte[] body) {
    public Answer {
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public <T> T as(Class<T> type) {
        return read(Json.mapper().readerFor(type), type.getSimpleName());
    }

    public <T> List<T> asListOf(Class<T> type) {
        return read(Json.mapper().readerForListOf(type), "list of " + type.getSimpleName());
    }

    /** The body as indented JSON, for {@code --json}. */
    public String prettyJson() {
        try {
            JsonNode tree = Json.mapper().readTree(body);
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(tree);
        } catch (IOException e) {
            throw new UnexpectedAnswerException(request + " answered with a body that is not JSON: " + e.getMessage(), e);
        }
    }

    private <T> T read(ObjectReader reader, String what) {
        try {
            T value = reader.without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(body);
            if (value == null) {
                throw new UnexpectedAnswerException(request + " answered with an empty body, expected a " + what);
            }
            return value;
        } catch (IOException e) {
            throw new UnexpectedAnswerException(request + " answered with something that is not a " + what + ": "
                    + e.getMessage(), e);
        }
    }
}
