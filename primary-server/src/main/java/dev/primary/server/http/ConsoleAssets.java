package dev.primary.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The console's static files, read once from the server's own jars: its style sheet and script, and htmx from its
 * WebJar. Nothing is fetched from the internet, at build time or at run time by the browser.
 */
final class ConsoleAssets {
    static final String HTMX = "META-INF/resources/webjars/htmx.org/2.0.8/dist/htmx.min.js";

    private ConsoleAssets() {}

    static void addTo(RouteTable.Builder routes) {
        asset(routes, "console.css", "console/console.css", "text/css; charset=utf-8");
        asset(routes, "console.js", "console/console.js", "text/javascript; charset=utf-8");
        asset(routes, "htmx.min.js", HTMX, "text/javascript; charset=utf-8");
    }

    private static void asset(RouteTable.Builder routes, String name, String resource, String contentType) {
        byte[] content = read(resource);
        Map<String, String> headers = ConsoleSecurity.headers(Map.of("Cache-Control", "private, max-age=3600"));
        routes.get(ConsoleRoutes.PREFIX + "/assets/" + name, request -> new Response(200, contentType, content,
                headers));
    }

    private static byte[] read(String resource) {
        try (InputStream in = ConsoleAssets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the console's asset " + resource + " is missing from the server's jars");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
