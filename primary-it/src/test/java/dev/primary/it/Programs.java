package dev.primary.it;

/** The main classes behind bin/: the programs the end-to-end tests run as real processes. */
final class Programs {
    static final String SERVER = "dev.primary.server.cli.ServerMain";
    static final String CLIENT_SERVICE = "dev.primary.client.cli.ClientServiceMain";
    static final String DEPLOYMENT_UTILITY = "dev.primary.deployment.DeploymentUtilityMain";
    static final String PRIMARY_ADMIN = "dev.primary.admin.PrimaryAdminMain";
    static final String LICENSE_TOOL = "dev.primary.licensetool.LicenseToolMain";
    static final String SAMPLE_RECORDER = "dev.primary.client.recorder.SampleRecorder";

    private Programs() {}
}
