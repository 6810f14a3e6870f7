package dev.primary.server.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primary.protocol.admin.AccountPassword;
import dev.primary.protocol.admin.AccountRequest;
import dev.primary.protocol.admin.AccountRole;
import dev.primary.protocol.admin.AccountTokenRequest;
import dev.primary.protocol.admin.AuditEntry;
import dev.primary.protocol.admin.CreatedAccountToken;
import dev.primary.server.account.Account;
import dev.primary.server.account.AccountExistsException;
import dev.primary.server.account.AccountToken;
import dev.primary.server.account.Accounts;
import dev.primary.server.account.Caller;
import dev.primary.server.account.PasswordHashing;
import dev.primary.server.testing.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The accounts part of the store contract: accounts and their tokens are kept, changed and read back whole on
 * every store, and survive a reopen. The password hash here is a stand-in marked as such: the store keeps whatever
 * text the hashing gives it, and the real hashing is tested where it lives (primary-server).
 */
public abstract class AccountStoreContract {
    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
    private static final PasswordHashing STAND_IN = new PasswordHashing() {
        @Override
        public String hash(String password) {
            return "stand-in$" + new StringBuilder(password).reverse();
        }

        @Override
        public boolean matches(String password, String encoded) {
            return hash(password).equals(encoded);
        }
    };

    private final FakeClock clock = new FakeClock(START);
    private StoreUnderTest store;

    /** Opens the store under test on this test's database (fresh and empty at the first call; the same one after). */
    protected abstract StoreUnderTest openStore();

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
            store = null;
        }
    }

    @Test
    void an_account_is_kept_whole_and_survives_a_reopen() {
        store = openStore();
        Account account = new Account("alice", AccountRole.OPERATOR, "$argon2id$v=19$m=1,t=1,p=1$c2FsdA$aGFzaA",
                START, "host-admin", null);
        store.write(writes -> {
            writes.insertAccount(account);
            return null;
        });
        store.close();
        store = openStore();

        Optional<Account> alice = store.read(reads -> reads.account("alice"));
        Optional<Account> bob = store.read(reads -> reads.account("bob"));
        assertThat(alice).contains(account);
        assertThat(bob).isEmpty();
    }

    @Test
    void role_password_and_disabling_are_saved_and_accounts_list_by_name() {
        store = openStore();
        Accounts accounts = new Accounts(store, STAND_IN, clock);
        accounts.create(new AccountRequest("zed", AccountRole.VIEWER, "zed-password-1"), "host-admin");
        accounts.create(new AccountRequest("amy", AccountRole.VIEWER, "amy-password-1"), "host-admin");
        clock.advance(Duration.ofMinutes(1));

        accounts.changeRole("amy", AccountRole.ADMINISTRATOR, "zed");
        accounts.changePassword("amy", new AccountPassword("amy-password-2"), "amy");
        accounts.disable("zed", "amy");

        List<Account> stored = store.read(reads -> reads.accounts());
        assertThat(stored).extracting(Account::name).containsExactly("amy", "zed");
        assertThat(stored.get(0).role()).isEqualTo(AccountRole.ADMINISTRATOR);
        assertThat(STAND_IN.matches("amy-password-2", stored.get(0).passwordHash())).isTrue();
        assertThat(stored.get(0).disabledAt()).isNull();
        assertThat(stored.get(1).disabledAt()).isEqualTo(START.plus(Duration.ofMinutes(1)));
    }

    @Test
    void a_second_account_of_the_same_name_is_refused_and_the_first_is_unchanged() {
        store = openStore();
        Accounts accounts = new Accounts(store, STAND_IN, clock);
        accounts.create(new AccountRequest("alice", AccountRole.VIEWER, "first-password"), "host-admin");

        assertThatThrownBy(() -> accounts.create(new AccountRequest("alice", AccountRole.ADMINISTRATOR,
                "second-password"), "host-admin")).isInstanceOf(AccountExistsException.class);

        Account kept = store.read(reads -> reads.account("alice")).orElseThrow();
        assertThat(kept.role()).isEqualTo(AccountRole.VIEWER);
        assertThat(STAND_IN.matches("first-password", kept.passwordHash())).isTrue();
    }

    @Test
    void a_token_is_stored_only_as_a_hash_and_proves_its_account_until_revoked() {
        store = openStore();
        Accounts accounts = new Accounts(store, STAND_IN, clock);
        accounts.create(new AccountRequest("ops", AccountRole.OPERATOR, "ops-password-1"), "host-admin");
        CreatedAccountToken created = accounts.createToken("ops", new AccountTokenRequest("deploy script", 0),
                "host-admin");

        AccountToken stored = store.read(reads -> reads.accountToken(created.view().id())).orElseThrow();
        assertThat(stored.secretHash()).doesNotContain(created.token().substring(created.token().indexOf('.') + 1));
        List<AccountToken> tokens = store.read(reads -> reads.accountTokens("ops"));
        assertThat(tokens).containsExactly(stored);
        assertThat(accounts.callerOf(created.token())).contains(new Caller("ops", AccountRole.OPERATOR));

        accounts.revokeToken("ops", created.view().id(), "host-admin");

        assertThat(accounts.callerOf(created.token())).isEmpty();
        assertThat(store.read(reads -> reads.accountToken(created.view().id())).orElseThrow().revokedAt())
                .isEqualTo(START);
    }

    @Test
    void a_disabled_accounts_token_and_an_expired_token_prove_nothing() {
        store = openStore();
        Accounts accounts = new Accounts(store, STAND_IN, clock);
        accounts.create(new AccountRequest("a", AccountRole.ADMINISTRATOR, "a-password-123"), "host-admin");
        accounts.create(new AccountRequest("b", AccountRole.VIEWER, "b-password-123"), "host-admin");
        String forever = accounts.createToken("a", new AccountTokenRequest("", 0), "host-admin").token();
        String hour = accounts.createToken("b", new AccountTokenRequest("", 3600), "host-admin").token();
        assertThat(accounts.callerOf(forever)).isPresent();
        assertThat(accounts.callerOf(hour)).isPresent();

        accounts.disable("a", "host-admin");
        clock.advance(Duration.ofHours(1));

        assertThat(accounts.callerOf(forever)).isEmpty();
        assertThat(accounts.callerOf(hour)).isEmpty();
        assertThat(accounts.callerOf(forever.substring(0, forever.indexOf('.') + 1) + "x".repeat(43))).isEmpty();
    }

    @Test
    void every_account_change_is_audited_under_the_acting_name_without_secrets() {
        store = openStore();
        Accounts accounts = new Accounts(store, STAND_IN, clock);
        accounts.create(new AccountRequest("carol", AccountRole.VIEWER, "carol-password"), "host-admin");
        CreatedAccountToken token = accounts.createToken("carol", new AccountTokenRequest("", 0), "dave");
        accounts.changePassword("carol", new AccountPassword("carol-password-2"), "carol");

        List<AuditEntry> trail = store.read(reads -> reads.audit(0, 10));
        assertThat(trail).extracting(AuditEntry::action, AuditEntry::actor).contains(
                org.assertj.core.groups.Tuple.tuple("account.created", "host-admin"),
                org.assertj.core.groups.Tuple.tuple("account-token.created", "dave"),
                org.assertj.core.groups.Tuple.tuple("account.password-changed", "carol"));
        assertThat(trail.toString()).doesNotContain("carol-password").doesNotContain(token.token());
    }
}
