package dev.primary.server.http;

import java.util.Locale;

/** Reads admin query parameters strictly: a bad value is a 400 that names the parameter. */
final class QueryParameters {
    private QueryParameters() {}

    static long wholeNumber(Request request, String name, long defaultValue, long min, long max) {
        String text = request.queryParameter(name).map(String::strip).orElse("");
        if (text.isEmpty()) {
            return defaultValue;
        }
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new MalformedParameterException(name + " must be a whole number, got \"" + text + "\"");
        }
        if (value < min || value > max) {
            throw new MalformedParameterException(name + " must be " + min + " to " + max + ", got " + value);
        }
        return value;
    }

    static boolean descending(Request request) {
        String order = request.queryParameter("order").map(text -> text.strip().toLowerCase(Locale.ROOT)).orElse("");
        return switch (order) {
            case "", "asc" -> false;
            case "desc" -> true;
            default -> throw new MalformedParameterException("order must be asc or desc, got \"" + order + "\"");
        };
    }
}
