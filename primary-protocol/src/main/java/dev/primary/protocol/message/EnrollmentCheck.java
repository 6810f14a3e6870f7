package dev.primary.protocol.message;

/**
 * {@code POST /v1/enrollment/check}: the Deployment Utility asks whether an enrollment token would enroll a
 * computer now, before it writes anything. Unauthenticated (the token is the credential), and limited per
 * source address like {@code register}. Answered with {@link EnrollmentCheckAnswer}, or 401 with the problem
 * type that names why the token is refused.
 *
 * @param enrollmentToken the token to check
 */
public record EnrollmentCheck(String enrollmentToken) {
    public EnrollmentCheck {
        if (enrollmentToken == null || enrollmentToken.isBlank()) {
            throw new IllegalArgumentException("enrollmentToken is required");
        }
        if (enrollmentToken.length() > RegisterRequest.MAX_TOKEN_LENGTH) {
            throw new IllegalArgumentException("enrollmentToken is longer than " + RegisterRequest.MAX_TOKEN_LENGTH
                    + " characters");
        }
    }
}
