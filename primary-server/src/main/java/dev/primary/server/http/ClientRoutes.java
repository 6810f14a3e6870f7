package dev.primary.server.http;

import dev.primary.protocol.message.EnrollmentCheck;
import dev.primary.protocol.message.RegisterRequest;
import dev.primary.protocol.message.ReportRequest;
import dev.primary.protocol.message.VerifyRequest;
import dev.primary.server.licensing.ClientProtocol;
import dev.primary.server.release.PackageStore;

/** Every route of the client port (docs/protocol.md), in one place. */
public final class ClientRoutes {
    private ClientRoutes() {}

    /**
     * @param registrations the per-source limit on {@code register} and {@code enrollment/check}, the two requests
     *     that can create something or test a credential; checked before the body is read
     */
    public static RouteTable of(ClientProtocol protocol, PackageStore packages, SourceRateLimit registrations) {
        PackageDownloads downloads = new PackageDownloads(protocol, packages);
        return RouteTable.builder()
                .get("/v1/hello", request -> Response.json(protocol.hello()))
                .post("/v1/register", request -> {
                    registrations.admit(request.remoteAddress(), "registrations");
                    return Response.json(protocol.register(ClientAuthentication.credentials(request),
                            request.bodyAs(RegisterRequest.class)));
                })
                .post("/v1/enrollment/check", request -> {
                    registrations.admit(request.remoteAddress(), "enrollment checks");
                    return Response.json(protocol.checkEnrollment(request.bodyAs(EnrollmentCheck.class)));
                })
                .post("/v1/verify", request -> Response.json(protocol.verify(
                        ClientAuthentication.credentials(request), request.bodyAs(VerifyRequest.class))),
                        request -> protocol.verifyAtOnce(ClientAuthentication.credentials(request),
                                request.bodyAs(VerifyRequest.class)).<Reply>map(Response::json))
                .post("/v1/report", request -> {
                    protocol.report(ClientAuthentication.credentials(request), request.bodyAs(ReportRequest.class));
                    return Response.noContent();
                })
                .get("/v1/packages/{sha256}", downloads::serve)
                .build();
    }
}
