package dev.primary.server.account;

import dev.primary.protocol.admin.AccountName;
import dev.primary.protocol.admin.AccountPassword;
import dev.primary.protocol.admin.AccountRequest;
import dev.primary.protocol.admin.AccountRole;
import dev.primary.protocol.admin.AccountTokenRequest;
import dev.primary.protocol.admin.AccountTokenView;
import dev.primary.protocol.admin.AccountView;
import dev.primary.protocol.admin.CreatedAccountToken;
import dev.primary.server.audit.AuditAction;
import dev.primary.server.audit.AuditEvent;
import dev.primary.server.enrollment.TokenText;
import dev.primary.server.licensing.LicensingStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Accounts, their roles and API tokens: created, listed, changed and disabled, each change in the audit trail under
 * the acting caller's name; and a bearer token turned into the {@link Caller} it proves. Passwords are hashed before
 * the store's unit of work starts (the hash is slow on purpose); tokens are {@link TokenText}s of which only the
 * SHA-256 of the secret is stored.
 */
public final class Accounts {
    private final LicensingStore store;
    private final PasswordHashing hashing;
    private final Clock clock;

    public Accounts(LicensingStore store, PasswordHashing hashing, Clock clock) {
        this.store = store;
        this.hashing = hashing;
        this.clock = clock;
    }

    public AccountView create(AccountRequest request, String actor) {
        String hash = hashing.hash(request.password());
        Instant now = clock.instant();
        Account account = new Account(request.name(), request.role(), hash, now, actor, null);
        return store.write(writes -> {
            if (writes.account(request.name()).isPresent()) {
                throw new AccountExistsException(request.name());
            }
            writes.insertAccount(account);
            writes.audit(new AuditEvent(now, actor, AuditAction.ACCOUNT_CREATED, account.name(),
                    "role " + account.role().wireName()));
            return account.view();
        });
    }

    public List<AccountView> list() {
        return store.read(reads -> reads.accounts().stream().map(Account::view).toList());
    }

    public AccountView disable(String name, String actor) {
        Instant now = clock.instant();
        return store.write(writes -> {
            Account account = existing(writes, name);
            if (account.disabled()) {
                return account.view();
            }
            Account disabled = account.disabledAt(now);
            writes.updateAccount(disabled);
            writes.audit(new AuditEvent(now, actor, AuditAction.ACCOUNT_DISABLED, name, "its tokens stop working"));
            return disabled.view();
        });
    }

    public AccountView changeRole(String name, AccountRole role, String actor) {
        Instant now = clock.instant();
        return store.write(writes -> {
            Account account = active(writes, name);
            Account changed = account.withRole(role);
            writes.updateAccount(changed);
            writes.audit(new AuditEvent(now, actor, AuditAction.ACCOUNT_ROLE_CHANGED, name,
                    account.role().wireName() + " -> " + role.wireName()));
            return changed.view();
        });
    }

    public AccountView changePassword(String name, AccountPassword password, String actor) {
        AccountName.require(name);
        String hash = hashing.hash(password.password());
        Instant now = clock.instant();
        return store.write(writes -> {
            Account changed = active(writes, name).withPasswordHash(hash);
            writes.updateAccount(changed);
            writes.audit(new AuditEvent(now, actor, AuditAction.ACCOUNT_PASSWORD_CHANGED, name, ""));
            return changed.view();
        });
    }

    public CreatedAccountToken createToken(String name, AccountTokenRequest request, String actor) {
        TokenText text = TokenText.random();
        Instant now = clock.instant();
        Instant expiresAt = request.expiresInSeconds() == 0 ? null : now.plusSeconds(request.expiresInSeconds());
        AccountToken token = new AccountToken(text.id(), name, text.secretHash(), request.label(), now, actor,
                expiresAt, null);
        return store.write(writes -> {
            active(writes, name);
            writes.insertAccountToken(token);
            writes.audit(new AuditEvent(now, actor, AuditAction.ACCOUNT_TOKEN_CREATED, name, "token " + token.id()
                    + (expiresAt == null ? ", no expiry" : ", expires " + expiresAt)));
            return new CreatedAccountToken(text.text(), token.view());
        });
    }

    public List<AccountTokenView> tokens(String name) {
        return store.read(reads -> {
            existing(reads, name);
            return reads.accountTokens(name).stream().map(AccountToken::view).toList();
        });
    }

    public AccountTokenView revokeToken(String name, String id, String actor) {
        Instant now = clock.instant();
        return store.write(writes -> {
            AccountToken token = writes.accountToken(id).filter(found -> found.account().equals(name))
                    .orElseThrow(() -> new AccountTokenNotFoundException(name, id));
            if (token.revokedAt() != null) {
                return token.view();
            }
            AccountToken revoked = token.revokedAt(now);
            writes.updateAccountToken(revoked);
            writes.audit(new AuditEvent(now, actor, AuditAction.ACCOUNT_TOKEN_REVOKED, name, "token " + id));
            return revoked.view();
        });
    }

    /**
     * The caller a bearer token proves: an unrevoked, unexpired token of an active account; empty for anything
     * else (the reason is not told, so a guesser learns nothing). Read at each request, so a disabled account or
     * revoked token stops working at once.
     */
    public Optional<Caller> callerOf(String bearer) {
        Optional<TokenText> text = TokenText.parse(bearer);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return store.read(reads -> reads.accountToken(text.get().id())
                .filter(token -> text.get().matches(token.secretHash()))
                .filter(token -> token.worksAt(now))
                .flatMap(token -> reads.account(token.account()))
                .filter(account -> !account.disabled())
                .map(account -> new Caller(account.name(), account.role())));
    }

    private static Account existing(AccountReads reads, String name) {
        return reads.account(name).orElseThrow(() -> new AccountNotFoundException(name));
    }

    private static Account active(AccountReads reads, String name) {
        Account account = existing(reads, name);
        if (account.disabled()) {
            throw new AccountDisabledException(name);
        }
        return account;
    }
}
