package dev.primary.server.http;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The console's jte templates, compiled to Java classes when the server is built ({@code jte-maven-plugin}): at run
 * time they are plain classes on the class path, with no template compiler and no file access. Every value is
 * HTML-escaped by jte's {@code Html} content type, by its context (text, attribute).
 */
final class ConsoleTemplates {
    private static final String PACKAGE = "dev.primary.server.console.templates";
    private static final String HTML = "text/html; charset=utf-8";

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(null, ContentType.Html,
            ConsoleTemplates.class.getClassLoader(), PACKAGE);

    /** The page {@code template} renders for {@code model}, with the console's security headers and {@code headers}. */
    Response page(int status, String template, Object model, Map<String, String> headers) {
        StringOutput output = new StringOutput();
        engine.render(template, model, output);
        return new Response(status, HTML, output.toString().getBytes(StandardCharsets.UTF_8),
                ConsoleSecurity.headers(headers));
    }

    Response page(String template, Object model) {
        return page(200, template, model, Map.of());
    }
}
