package dev.primary.server.http;

import dev.primary.protocol.message.RegisterRequest;
import dev.primary.protocol.message.ReportRequest;
import dev.primary.protocol.message.VerifyRequest;
import dev.primary.server.licensing.ClientProtocol;
import dev.primary.server.release.PackageStore;

/** Every route of the client port (docs/protocol.md), in one place. */
public final class ClientRoutes {
    private ClientRoutes() {}

    public static RouteTable of(ClientProtocol protocol, PackageStore packages) {
        PackageDownloads downloads = new PackageDownloads(protocol, packages);
        return RouteTable.builder()
                .get("/v1/hello", request -> Response.json(protocol.hello()))
                .post("/v1/register", request -> Response.json(protocol.register(
                        ClientAuthentication.credentials(request), request.bodyAs(RegisterRequest.class))))
                .post("/v1/verify", request -> Response.json(protocol.verify(
                        ClientAuthentication.credentials(request), request.bodyAs(VerifyRequest.class))))
                .post("/v1/report", request -> {
                    protocol.report(ClientAuthentication.credentials(request), request.bodyAs(ReportRequest.class));
                    return Response.noContent();
                })
                .get("/v1/packages/{sha256}", downloads::serve)
                .build();
    }
}
