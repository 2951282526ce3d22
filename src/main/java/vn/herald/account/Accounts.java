package vn.herald.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.herald.Refusal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Users and their roles. */
@Singleton
public class Accounts {

    private static final Logger LOG = LoggerFactory.getLogger(Accounts.class);
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    private static final int MIN_PASSWORD = 10;

    /** A user as the API shows it: never the hash. */
    @Serdeable
    public record Account(Long id, String username, String displayName, Set<Role> roles,
                          @Nullable String unitCode, boolean enabled) {}

    /** What an admin sends to create or change a user; absent fields keep their value on update. */
    @Serdeable
    public record AccountForm(@Nullable String username, @Nullable String displayName, @Nullable String password,
                              @Nullable Set<Role> roles, @Nullable String unitCode, @Nullable Boolean enabled) {}

    private final UserRepository repository;
    private final Passwords passwords;
    private final AccountConfig config;
    private final Clock clock;

    Accounts(UserRepository repository, Passwords passwords, AccountConfig config, Clock clock) {
        this.repository = repository;
        this.passwords = passwords;
        this.config = config;
        this.clock = clock;
    }

    /** First start only: the user {@code admin} with every role. */
    public void ensureAdmin(String unitCode) {
        if (repository.existsByUsername("admin")) {
            return;
        }
        String password = config.password();
        boolean generated = password == null || password.isBlank();
        if (generated) {
            password = passwords.generate();
        } else if (password.length() < MIN_PASSWORD) {
            // refused before anything is created, with the variable to fix, rather than a bare "user not valid"
            throw new IllegalStateException("HERALD_ADMIN_PASSWORD is too short: the first admin's password must have at least "
                    + MIN_PASSWORD + " characters (or leave it unset to get a generated one in the log)");
        }
        create(new AccountForm("admin", "Quản trị viên", password, EnumSet.allOf(Role.class), unitCode, true));
        if (generated) {
            LOG.warn("Created user 'admin' with the generated password {} (shown once; set HERALD_ADMIN_PASSWORD to choose it)", password);
        } else {
            LOG.info("Created user 'admin' with the password from HERALD_ADMIN_PASSWORD");
        }
    }

    /** The account whose password matches, if it exists and is enabled. */
    Optional<Account> authenticate(String username, String password) {
        return repository.findByUsername(username)
                .filter(User::enabled)
                .filter(user -> passwords.matches(password, user.passwordHash()))
                .map(Accounts::view);
    }

    public List<Account> list() {
        return repository.findAllOrderByUsername().stream().map(Accounts::view).toList();
    }

    public Account get(String username) {
        return repository.findByUsername(username).map(Accounts::view)
                .orElseThrow(() -> Refusal.notFound("user", username));
    }

    public Account create(AccountForm form) {
        List<Refusal.FieldError> errors = new ArrayList<>();
        if (form.username() == null || !USERNAME.matcher(form.username()).matches()) {
            errors.add(new Refusal.FieldError("username", "must be 2-64 lower-case letters, digits, '.', '_' or '-'"));
        } else if (repository.existsByUsername(form.username())) {
            throw Refusal.conflict("user " + form.username() + " exists already");
        }
        if (form.password() == null || form.password().length() < MIN_PASSWORD) {
            errors.add(new Refusal.FieldError("password", "must have at least " + MIN_PASSWORD + " characters"));
        }
        if (form.roles() == null || form.roles().isEmpty()) {
            errors.add(new Refusal.FieldError("roles", "needs at least one of EDITOR, APPROVER, ADMIN"));
        }
        if (!errors.isEmpty()) {
            throw new Refusal(Refusal.Kind.INVALID, "the user is not valid", errors);
        }
        var now = clock.instant();
        String displayName = form.displayName() == null || form.displayName().isBlank() ? form.username() : form.displayName().strip();
        return view(repository.save(new User(null, form.username(), displayName, passwords.hash(form.password()),
                EnumSet.copyOf(form.roles()), form.unitCode(), form.enabled() == null || form.enabled(), now, now)));
    }

    public Account update(String username, AccountForm form) {
        User user = repository.findByUsername(username).orElseThrow(() -> Refusal.notFound("user", username));
        if (form.username() != null && !form.username().equals(username)) {
            throw Refusal.invalid("username", "cannot change: a user's name is their login");
        }
        if (form.password() != null && form.password().length() < MIN_PASSWORD) {
            throw Refusal.invalid("password", "must have at least " + MIN_PASSWORD + " characters");
        }
        if (form.roles() != null && form.roles().isEmpty()) {
            throw Refusal.invalid("roles", "needs at least one of EDITOR, APPROVER, ADMIN");
        }
        return view(repository.update(new User(user.id(), username,
                form.displayName() == null ? user.displayName() : form.displayName().strip(),
                form.password() == null ? user.passwordHash() : passwords.hash(form.password()),
                form.roles() == null ? user.roles() : EnumSet.copyOf(form.roles()),
                form.unitCode() == null ? user.unitCode() : form.unitCode(),
                form.enabled() == null ? user.enabled() : form.enabled(),
                user.createdAt(), clock.instant())));
    }

    private static Account view(User user) {
        return new Account(user.id(), user.username(), user.displayName(), user.roles(), user.unitCode(), user.enabled());
    }
}
