package dev.primary.deployment;

/** The Deployment Utility could not prepare the install directory; the message says what and why. */
public final class DeploymentException extends RuntimeException {
    public DeploymentException(String message) {
        super(message);
    }

    public DeploymentException(String message, Throwable cause) {
        super(message, cause);
    }
}
