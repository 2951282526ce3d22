package vn.herald.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.herald.support.Refusal;
import vn.herald.support.RefusalCode;
import vn.herald.unit.Units;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Users and their roles. */
@Singleton
public class Accounts {

    private static final Logger LOG = LoggerFactory.getLogger(Accounts.class);
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    private static final String ADMIN = "admin";

    /** A user as the API shows it: never the hash. */
    @Serdeable
    public record Account(Long id, String username, String displayName, Set<Role> roles,
                          @Nullable String unitCode, boolean enabled) {}

    /** What an admin sends to create or change a user; absent fields keep their value on update. */
    @Serdeable
    public record AccountForm(@Nullable String username, @Nullable String displayName, @Nullable String password,
                              @Nullable Set<Role> roles, @Nullable String unitCode, @Nullable Boolean enabled) {}

    /** How many live sessions of a user were ended. */
    @Serdeable
    public record EndedSessions(String username, int ended) {}

    private final UserRepository repository;
    private final Passwords passwords;
    private final PasswordPolicy policy;
    private final Sessions sessions;
    private final Units units;
    private final AccountConfig config;
    private final Clock clock;

    Accounts(UserRepository repository, Passwords passwords, PasswordPolicy policy, Sessions sessions, Units units,
             AccountConfig config, Clock clock) {
        this.repository = repository;
        this.passwords = passwords;
        this.policy = policy;
        this.sessions = sessions;
        this.units = units;
        this.config = config;
        this.clock = clock;
    }

    /**
     * The user {@code admin}: created with every role on the first start. On a later start with HERALD_ADMIN_PASSWORD
     * set, {@code admin} is enabled, has the ADMIN role and that password again, so a locked-out installation can be
     * recovered by whoever runs it.
     */
    public void ensureAdmin(String unitCode) {
        String password = config.password();
        boolean given = password != null && !password.isBlank();
        Optional<User> existing = repository.findByUsername(ADMIN);
        if (existing.isPresent()) {
            if (given) {
                restoreAdmin(existing.get(), password);
            }
            return;
        }
        if (given) {
            requireAcceptable(password);
        } else {
            password = passwords.generate();
        }
        create(new AccountForm(ADMIN, "Quản trị viên", password, EnumSet.allOf(Role.class), unitCode, true));
        if (given) {
            LOG.info("Created user 'admin' with the password from HERALD_ADMIN_PASSWORD");
        } else {
            LOG.warn("Created user 'admin' with the generated password {} (shown once; set HERALD_ADMIN_PASSWORD to choose it)", password);
        }
    }

    private void restoreAdmin(User admin, String password) {
        // a password already in use is kept even if an older, weaker rule let it in; only a new one must pass
        boolean samePassword = passwords.bcrypt(password, admin.passwordHash());
        if (samePassword && admin.enabled() && admin.roles().contains(Role.ADMIN)) {
            return;
        }
        if (!samePassword) {
            requireAcceptable(password);
        }
        Set<Role> roles = EnumSet.copyOf(admin.roles());
        roles.add(Role.ADMIN);
        repository.update(new User(admin.id(), ADMIN, admin.displayName(),
                samePassword ? admin.passwordHash() : passwords.hash(password), roles, admin.unitCode(), true,
                admin.createdAt(), clock.instant()));
        if (!samePassword) {
            sessions.endAllOf(ADMIN, Sessions.EndReason.PASSWORD_CHANGED);
        }
        LOG.warn("HERALD_ADMIN_PASSWORD is set: user 'admin' is enabled with the ADMIN role{}",
                samePassword ? "" : " and the password from the variable");
    }

    private void requireAcceptable(String password) {
        policy.check(password).ifPresent(problem -> {
            // refused before anything is written, naming the variable to fix, rather than a bare "user not valid"
            throw new IllegalStateException(switch (problem) {
                case LENGTH -> "HERALD_ADMIN_PASSWORD is too " + (password.length() < PasswordPolicy.MIN_LENGTH ? "short" : "long")
                        + ": the admin's password must have " + PasswordPolicy.MIN_LENGTH + " to " + PasswordPolicy.MAX_LENGTH
                        + " characters (or leave it unset on the first start to get a generated one in the log)";
                case ONE_CHARACTER -> "HERALD_ADMIN_PASSWORD is one character repeated: choose another password";
                case COMMON -> "HERALD_ADMIN_PASSWORD is on the list of common passwords: choose another password";
            });
        });
    }

    public List<Account> list() {
        return repository.findAllOrderByUsername().stream().map(Accounts::view).toList();
    }

    /** The enabled users of a unit who hold this role (a user with no unit belongs to the installation's own). */
    public List<Account> holding(String unitCode, Role role) {
        String own = units.ownUnitCode();
        return repository.findAllOrderByUsername().stream()
                .filter(user -> user.enabled() && user.roles().contains(role)
                        && unitCode.equals(user.unitCode() == null ? own : user.unitCode()))
                .map(Accounts::view).toList();
    }

    /** A user's name to show people, or the user name itself when no such user exists any more. */
    public String displayName(String username) {
        return repository.findByUsername(username).map(User::displayName).orElse(username);
    }

    public Account get(String username) {
        return view(find(username));
    }

    public Account create(AccountForm form) {
        List<Refusal.FieldError> errors = new ArrayList<>();
        if (form.username() == null || !USERNAME.matcher(form.username()).matches()) {
            errors.add(new Refusal.FieldError("username", RefusalCode.USERNAME_INVALID, String.valueOf(form.username())));
        } else if (repository.existsByUsername(form.username())) {
            throw Refusal.conflict(RefusalCode.USER_EXISTS, form.username());
        }
        policy.check(form.password()).ifPresent(problem -> errors.add(PasswordPolicy.error(problem)));
        if (form.roles() == null || form.roles().isEmpty()) {
            errors.add(new Refusal.FieldError("roles", RefusalCode.ROLES_REQUIRED));
        }
        checkUnit(form.unitCode(), errors);
        refuseIfAny(errors);
        var now = clock.instant();
        String displayName = form.displayName() == null || form.displayName().isBlank() ? form.username() : form.displayName().strip();
        return view(repository.save(new User(null, form.username(), displayName, passwords.hash(form.password()),
                EnumSet.copyOf(form.roles()), form.unitCode(), form.enabled() == null || form.enabled(), now, now)));
    }

    /**
     * Changes a user. A new password, other roles, another unit or disabling ends all of the user's sessions at once;
     * the last enabled admin cannot lose the role or be disabled.
     */
    @Transactional
    public Account update(String username, AccountForm form) {
        User user = find(username);
        List<Refusal.FieldError> errors = new ArrayList<>();
        if (form.username() != null && !form.username().equals(username)) {
            errors.add(new Refusal.FieldError("username", RefusalCode.USERNAME_FIXED));
        }
        if (form.password() != null) {
            policy.check(form.password()).ifPresent(problem -> errors.add(PasswordPolicy.error(problem)));
        }
        if (form.roles() != null && form.roles().isEmpty()) {
            errors.add(new Refusal.FieldError("roles", RefusalCode.ROLES_REQUIRED));
        }
        checkUnit(form.unitCode(), errors);
        refuseIfAny(errors);
        Set<Role> roles = form.roles() == null ? user.roles() : EnumSet.copyOf(form.roles());
        boolean enabled = form.enabled() == null ? user.enabled() : form.enabled();
        String unitCode = form.unitCode() == null ? user.unitCode() : form.unitCode();
        boolean wasAdmin = user.enabled() && user.roles().contains(Role.ADMIN);
        // the lock makes two admins demoting each other on two instances wait for one another
        if (wasAdmin && !(enabled && roles.contains(Role.ADMIN)) && repository.lockEnabledAdmins().size() <= 1) {
            throw Refusal.conflict(RefusalCode.LAST_ADMIN);
        }
        User updated = repository.update(new User(user.id(), username,
                form.displayName() == null ? user.displayName() : form.displayName().strip(),
                form.password() == null ? user.passwordHash() : passwords.hash(form.password()),
                roles, unitCode, enabled, user.createdAt(), clock.instant()));
        endReason(user, updated, form.password() != null).ifPresent(reason -> sessions.endAllOf(username, reason));
        return view(updated);
    }

    /** Ends every live session of the user (an admin's or the user's own "log out everywhere"). */
    public EndedSessions endSessions(String username, Sessions.EndReason reason) {
        User user = find(username);
        return new EndedSessions(user.username(), sessions.endAllOf(user.username(), reason));
    }

    private static Optional<Sessions.EndReason> endReason(User before, User after, boolean newPassword) {
        if (before.enabled() && !after.enabled()) {
            return Optional.of(Sessions.EndReason.DISABLED);
        }
        if (newPassword) {
            return Optional.of(Sessions.EndReason.PASSWORD_CHANGED);
        }
        if (!before.roles().equals(after.roles())) {
            return Optional.of(Sessions.EndReason.ROLES_CHANGED);
        }
        if (!Objects.equals(before.unitCode(), after.unitCode())) {
            return Optional.of(Sessions.EndReason.UNIT_CHANGED);
        }
        return Optional.empty();
    }

    private void checkUnit(@Nullable String unitCode, List<Refusal.FieldError> errors) {
        if (unitCode != null && units.find(unitCode).isEmpty()) {
            errors.add(new Refusal.FieldError("unitCode", RefusalCode.USER_UNIT_UNKNOWN, unitCode));
        }
    }

    private static void refuseIfAny(List<Refusal.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new Refusal(Refusal.Kind.INVALID, RefusalCode.USER_INVALID, errors);
        }
    }

    private User find(String username) {
        return repository.findByUsername(username).orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND, RefusalCode.USER_NOT_FOUND, username));
    }

    private static Account view(User user) {
        return new Account(user.id(), user.username(), user.displayName(), user.roles(), user.unitCode(), user.enabled());
    }
}
