package vn.herald.notice;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import vn.herald.content.CleanText;
import vn.herald.support.Refusal;
import vn.herald.support.RefusalCode;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** A person's notices: told by the features' events, read on the notifications page, by email too when asked. */
@Singleton
public class Notices {

    /** What to tell, the same for every person told. */
    public record Message(NoticeKind kind, String unitCode, String title, @Nullable String detail, @Nullable String link,
                          @Nullable String onceKey) {}

    // deliberately simple: one @, a dot in the domain, no spaces; the mail server has the last word
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

    private final NoticeRepository notices;
    private final NoticeAddressRepository addresses;
    private final ApplicationEventPublisher<Told> told;
    private final SmtpConfig smtp;
    private final Clock clock;

    Notices(NoticeRepository notices, NoticeAddressRepository addresses, ApplicationEventPublisher<Told> told,
            SmtpConfig smtp, Clock clock) {
        this.notices = notices;
        this.addresses = addresses;
        this.told = told;
        this.smtp = smtp;
        this.clock = clock;
    }

    /** Whether a mail server is configured, so notices can be emailed too. */
    public boolean emailAvailable() {
        return smtp.enabled();
    }

    /** Tells each of these people; a person already told this message's {@code onceKey} is not told again. */
    @Transactional
    public List<Notice> tell(Collection<String> usernames, Message message) {
        Instant now = clock.instant();
        List<Notice> written = new ArrayList<>();
        for (String username : usernames) {
            if (message.onceKey() != null && notices.existsByUsernameAndOnceKey(username, message.onceKey())) {
                continue;
            }
            written.add(notices.save(new Notice(null, username, message.unitCode(), message.kind(),
                    cut(message.title(), 600), message.detail() == null ? null : cut(message.detail(), 2000),
                    message.link(), message.onceKey(), now, null)));
        }
        if (!written.isEmpty()) {
            told.publishEvent(new Told(List.copyOf(written)));
        }
        return written;
    }

    /** The person's latest notices, newest first. */
    public List<Notice> of(String username) {
        return notices.findTop100ByUsernameOrderByIdDesc(username);
    }

    public long unread(String username) {
        return notices.countByUsernameAndReadAtIsNull(username);
    }

    /** Marks one of the person's own notices read; another person's answers as a missing one does. */
    @Transactional
    public void markRead(long id, String username) {
        if (notices.findByIdAndUsername(id, username).isEmpty()) {
            throw Refusal.notFound(Refusal.Noun.NOTICE, id);
        }
        notices.markRead(id, username, clock.instant());
    }

    @Transactional
    public int markAllRead(String username) {
        return notices.markAllRead(username, clock.instant());
    }

    /** The address the person's notices are also emailed to, if they gave one. */
    public Optional<String> address(String username) {
        return addresses.findById(username).map(NoticeAddress::email);
    }

    /** Sets the person's email address for notices; a blank one stops the email (the notices stay in the app). */
    @Transactional
    public void setAddress(String username, @Nullable String email) {
        String given = email == null ? "" : CleanText.line(email).strip();
        if (given.isEmpty()) {
            addresses.deleteById(username);
            return;
        }
        if (given.length() > 254 || !EMAIL.matcher(given).matches()) {
            throw Refusal.invalid("email", RefusalCode.EMAIL_INVALID);
        }
        NoticeAddress address = new NoticeAddress(username, given, clock.instant());
        if (addresses.existsById(username)) {
            addresses.update(address);
        } else {
            addresses.save(address);
        }
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
