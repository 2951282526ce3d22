package vn.herald.notice;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;
import java.util.concurrent.ExecutorService;

/**
 * Emails each notice to its person's address, when a mail server is configured and the person gave one. It runs
 * after the notices commit and off the request's thread: a slow or refusing mail server never delays or undoes the
 * action, and the notice stays in the app whatever the mail server answers.
 */
@Singleton
class NoticeMail {

    private static final Logger LOG = LoggerFactory.getLogger(NoticeMail.class);

    private final SmtpConfig config;
    private final Notices notices;
    private final ExecutorService executor;
    private final String publicUrl;

    NoticeMail(SmtpConfig config, Notices notices, @Named(TaskExecutors.IO) ExecutorService executor,
               @Value("${herald.portal.public-url:`http://localhost:8080`}") String publicUrl) {
        this.config = config;
        this.notices = notices;
        this.executor = executor;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    @TransactionalEventListener
    void told(Told told) {
        if (!config.enabled()) {
            return;
        }
        for (Notice notice : told.notices()) {
            notices.address(notice.username()).ifPresent(address -> executor.execute(() -> send(notice, address)));
        }
    }

    private void send(Notice notice, String address) {
        try {
            MimeMessage mail = new MimeMessage(session());
            mail.setFrom(new InternetAddress(config.sender()));
            mail.setRecipient(Message.RecipientType.TO, new InternetAddress(address));
            mail.setSubject("[Herald] " + notice.title(), StandardCharsets.UTF_8.name());
            mail.setSentDate(Date.from(notice.createdAt()));
            mail.setText(body(notice), StandardCharsets.UTF_8.name());
            if (config.username() != null && !config.username().isBlank()) {
                Transport.send(mail, config.username(), config.password() == null ? "" : config.password());
            } else {
                Transport.send(mail);
            }
        } catch (MessagingException | RuntimeException e) {
            // the notice is in the app already; the address and the server's answer are for the administrator's log
            LOG.warn("notice {} not emailed to {}: {}", notice.id(), address, e.getMessage());
        }
    }

    private String body(Notice notice) {
        StringBuilder text = new StringBuilder(notice.title()).append("\n\n");
        if (notice.detail() != null) {
            text.append(notice.detail()).append("\n\n");
        }
        if (notice.link() != null) {
            text.append("Xem: ").append(notice.link().startsWith("/") ? publicUrl + notice.link() : notice.link()).append("\n\n");
        }
        return text.append("Mọi thông báo: ").append(publicUrl).append("/notifications\n").toString();
    }

    private Session session() {
        Properties properties = new Properties();
        String protocol = config.security() == SmtpConfig.Security.TLS ? "smtps" : "smtp";
        properties.put("mail.transport.protocol", protocol);
        properties.put("mail." + protocol + ".host", config.host());
        properties.put("mail." + protocol + ".port", String.valueOf(config.port()));
        properties.put("mail." + protocol + ".auth", String.valueOf(config.username() != null && !config.username().isBlank()));
        String millis = String.valueOf(config.timeout().toMillis());
        properties.put("mail." + protocol + ".connectiontimeout", millis);
        properties.put("mail." + protocol + ".timeout", millis);
        properties.put("mail." + protocol + ".writetimeout", millis);
        if (config.security() == SmtpConfig.Security.STARTTLS) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
        }
        return Session.getInstance(properties);
    }
}
