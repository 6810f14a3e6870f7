package dev.primary.server;

import dev.primary.protocol.admin.LicenseView;
import dev.primary.protocol.admin.ServerStatus;
import dev.primary.protocol.crypto.PublicKey;
import dev.primary.server.identity.ServerIdentity;
import dev.primary.server.licensing.Administration;
import java.util.List;
import java.util.stream.Collectors;

/** The one INFO block a start logs: where to connect, what to pin, and what waits for the operator. */
final class StartupReport {
    private StartupReport() {}

    static String describe(ServerIdentity identity, ServerStatus status, String adminUrl, String tlsProvider,
            int trustedVendorKeys, List<PublicKey> trustedReleaseKeys, Administration administration) {
        StringBuilder text = new StringBuilder();
        text.append("Primary Server ").append(status.serverVersion()).append(" started")
                .append(identity.newInstallation() ? " (new installation " + identity.serverId() + ")" : "")
                .append("\n  client endpoint   https://").append(status.clientEndpoint())
                .append("\n  admin URL         ").append(adminUrl)
                .append("\n  TLS pin           ").append(status.tlsPin())
                .append("\n  TLS               ").append(tlsProvider)
                .append("\n  server key id     ").append(identity.signingKey().publicKey().keyId())
                .append("\n  data directory    ").append(status.dataDirectory())
                .append("\n  store             ").append(status.store())
                .append("\n  vendor keys       ").append(trustedVendorKeys).append(" trusted")
                .append("\n  release keys      ").append(trustedReleaseKeys.isEmpty() ? "none trusted"
                        : trustedReleaseKeys.stream().map(PublicKey::keyId).collect(Collectors.joining(", ")));
        List<LicenseView> pending = administration.licenses().stream()
                .filter(license -> license.state() == LicenseView.State.PENDING_REGISTRATION)
                .toList();
        for (LicenseView license : pending) {
            text.append("\n  pending registration: license ").append(license.serial())
                    .append(", registration code ").append(license.registrationCode())
                    .append(" (send it to the vendor for an unlock)");
        }
        return text.toString();
    }
}
