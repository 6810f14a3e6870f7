package dev.primary.protocol.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.DurationDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.ser.DurationSerializer;
import com.fasterxml.jackson.datatype.jsr310.ser.InstantSerializer;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/**
 * The one JSON mapping used by every Primary program. Strict on input: unknown fields, missing
 * primitives and required values (the records' constructors refuse those), trailing tokens and
 * duplicate keys are errors, and so is a value of the wrong JSON type: a number field takes only a
 * JSON number ({@code "14400"} is refused), a whole-number field only a JSON integer ({@code 14400.0}
 * is refused), a text field only a JSON string, a boolean only {@code true}/{@code false}, an enum
 * only its name. Every defect is a {@link MalformedJsonException} with a message that names the
 * field. Times are ISO-8601 strings; absent values are left out.
 *
 * <p>Of {@code java.time} it knows {@link Instant} and {@link Duration}, the only two that messages, files and views
 * carry, with the (de)serializers Jackson's {@code java.time} module has for them; not the whole module, whose other
 * types' ~70 classes every program, the idle Client Service too, would load for nothing.
 */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new SimpleModule("primary-time")
                    .addSerializer(Instant.class, InstantSerializer.INSTANCE)
                    .addDeserializer(Instant.class, InstantDeserializer.INSTANT)
                    .addSerializer(Duration.class, DurationSerializer.INSTANCE)
                    .addDeserializer(Duration.class, DurationDeserializer.INSTANCE))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // Not FAIL_ON_MISSING_CREATOR_PROPERTIES: it would refuse every record whose optional
            // field is left out, as the wire format requires. Missing required fields still fail:
            // primitives through FAIL_ON_NULL_FOR_PRIMITIVES, objects in the records' compact constructors.
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // Wrong JSON types are errors, never converted: no "14400" or 14400.0 for an integer,
            // no 1 or "true" for a boolean, no number for a text or an enum.
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .withCoercionConfig(LogicalType.Textual, config -> config
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Integer, config -> config
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Float, config -> config
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Boolean, config -> config
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Enum, config -> config
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(32)
                .maxStringLength(1_000_000)
                .build());
    }

    private Json() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public static String writePretty(Object value) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** Reads {@code bytes} as a {@code type}; any defect is a {@link MalformedJsonException}. */
    public static <T> T read(byte[] bytes, Class<T> type) {
        try {
            T value = MAPPER.readValue(bytes, type);
            if (value == null) {
                throw new MalformedJsonException("expected a JSON object, got null");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw new MalformedJsonException("unknown field \"" + e.getPropertyName() + "\" in "
                    + type.getSimpleName() + " (known: " + e.getKnownPropertyIds() + ")");
        } catch (com.fasterxml.jackson.databind.exc.ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new MalformedJsonException("invalid " + type.getSimpleName() + ": " + cause.getMessage());
        } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
            throw new MalformedJsonException("invalid " + type.getSimpleName() + ": " + e.getOriginalMessage()
                    + pathOf(e));
        } catch (JsonProcessingException e) {
            throw new MalformedJsonException("malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new MalformedJsonException("unreadable JSON: " + e.getMessage());
        }
    }

    private static String pathOf(com.fasterxml.jackson.databind.JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .reduce((a, b) -> a + "." + b)
                .orElse("");
        return path.isEmpty() ? "" : " (at " + path + ")";
    }
}
