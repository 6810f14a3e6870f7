package dev.primary.admin.command;

import java.io.PrintWriter;

/**
 * The writer every command prints through: whatever is written, no control character reaches the terminal
 * except the line breaks that end lines (see {@link TerminalText}). Values that may hold a line break of their own
 * (a client's {@code os}, a report's reason) are escaped whole where they are put into a line: in
 * {@link TextTable} cells and {@link Display#field} values.
 */
final class TerminalWriter extends PrintWriter {

    private TerminalWriter(PrintWriter terminal) {
        super(terminal, true);
    }

    /** {@code terminal}, writing through a {@link TerminalWriter} (once: an already wrapped writer is kept). */
    static PrintWriter around(PrintWriter terminal) {
        return terminal instanceof TerminalWriter ? terminal : new TerminalWriter(terminal);
    }

    @Override
    public void write(int character) {
        write(String.valueOf((char) character));
    }

    @Override
    public void write(char[] buffer, int offset, int length) {
        write(new String(buffer, offset, length));
    }

    @Override
    public void write(String text, int offset, int length) {
        String escaped = TerminalText.escapeKeepingLineBreaks(text.substring(offset, offset + length));
        super.write(escaped, 0, escaped.length());
    }
}
