package dev.primary.admin.command;

/**
 * Text from elsewhere (a client, the server) made safe to show on a terminal: every character that a terminal
 * would act on instead of showing, or that makes text read as something else, is written as a visible escape.
 * So a client cannot move the cursor, recolour, retitle or clear the administrator's terminal through its
 * {@code os} or a report, nor make a name read backwards with a bidirectional override.
 *
 * <p>Escaped are control characters (C0 U+0000-U+001F including line breaks and tabs, DEL U+007F, C1
 * U+0080-U+009F), format characters (bidirectional overrides and isolates U+202A-U+202E, U+2066-U+2069, marks,
 * zero-width characters, the byte order mark), the line and paragraph separators, and unpaired surrogates. Each
 * UTF-16 unit of such a character becomes {@code \u001b}-style lower-case hex: readable, and the escape JSON uses,
 * so escaped JSON is still the same JSON.
 */
public final class TerminalText {
    private TerminalText() {}

    /** {@code text} with every unsafe character escaped, line breaks too: for one value, one cell, one line. */
    public static String escape(String text) {
        return text == null ? null : escape(text, false);
    }

    /**
     * {@code text} with every unsafe character escaped except line breaks ({@code \n}, and {@code \r} right before
     * {@code \n}): for whole lines of output whose values were already escaped.
     */
    static String escapeKeepingLineBreaks(String text) {
        return escape(text, true);
    }

    private static String escape(String text, boolean keepLineBreaks) {
        if (isSafe(text, keepLineBreaks)) {
            return text;
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        int index = 0;
        while (index < text.length()) {
            int codePoint = text.codePointAt(index);
            int width = Character.charCount(codePoint);
            if (isUnsafe(codePoint) && !(keepLineBreaks && isLineBreak(text, index))) {
                for (int unit = index; unit < index + width; unit++) {
                    escaped.append(String.format("\\u%04x", (int) text.charAt(unit)));
                }
            } else {
                escaped.appendCodePoint(codePoint);
            }
            index += width;
        }
        return escaped.toString();
    }

    private static boolean isSafe(String text, boolean keepLineBreaks) {
        for (int index = 0; index < text.length(); index++) {
            char unit = text.charAt(index);
            if (unit >= 0x20 && unit < 0x7f) {
                continue;
            }
            if (isUnsafe(text.codePointAt(index)) && !(keepLineBreaks && isLineBreak(text, index))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLineBreak(String text, int index) {
        char unit = text.charAt(index);
        return unit == '\n' || unit == '\r' && index + 1 < text.length() && text.charAt(index + 1) == '\n';
    }

    /** Whether a terminal might act on {@code codePoint}, or show it as nothing, instead of showing it. */
    static boolean isUnsafe(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL
                || type == Character.FORMAT
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.SURROGATE;
    }
}
