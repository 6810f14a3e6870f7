package dev.primary.server.http;

import dev.primary.protocol.admin.AccountRole;
import dev.primary.protocol.message.ProblemType;
import dev.primary.server.account.Caller;
import java.util.Map;

/** An authenticated caller whose role does not allow the request: 403, naming the role needed. */
public final class ForbiddenRequestException extends HttpProblemException {
    ForbiddenRequestException(Caller caller, AccountRole needed, String method, String path) {
        super(ProblemType.FORBIDDEN, method + " " + path + " needs the role " + needed.wireName() + "; account \""
                + caller.name() + "\" has the role " + caller.role().wireName(), Map.of());
    }

    /** Refused for another reason than the role (a console upload without its CSRF token), saying which. */
    ForbiddenRequestException(String detail) {
        super(ProblemType.FORBIDDEN, detail, Map.of());
    }
}
