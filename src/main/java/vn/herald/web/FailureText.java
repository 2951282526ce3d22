package vn.herald.web;

import io.micronaut.context.MessageSource;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A failure as a person reads it on a page. Adapters explain their platform's answers in Vietnamese, but a reason may
 * still carry what Java or the platform said (an exception, a server path, an English message, a UTC instant): a
 * known failure (speech cache, a missing file, a timeout, an HTTP error of a platform) becomes its Vietnamese
 * explanation from the bundle, anything else the bundle's general one. The raw text stays in the logs and the API.
 */
@Singleton
class FailureText {

    private static final Locale VI = Locale.forLanguageTag("vi");

    /** Letters only Vietnamese writes: a text without any is not Vietnamese. */
    private static final Pattern VIETNAMESE = Pattern.compile("[ăâđêôơưĂÂĐÊÔƠƯ\\p{M}àáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ"
            + "ÀÁẢÃẠÈÉẺẼẸÌÍỈĨỊÒÓỎÕỌÙÚỦŨỤỲÝỶỸỴấầẩẫậắằẳẵặếềểễệốồổỗộớờởỡợứừửữự]");
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z");
    /** An absolute or dot-relative path, a file URI or a Windows drive; a URL's path and "3/5" are not matched. */
    private static final Pattern PATH = Pattern.compile("(file:|(?<![\\w/.])\\.{1,2}/|(?<![\\w/:.])/[\\w.-]+/|[A-Za-z]:\\\\)");
    /** What Java writes into a message: a class name, an exception, a stack frame. */
    private static final Pattern JAVA = Pattern.compile("(\\b[a-z]+\\.[a-z]+\\.[A-Za-z.]*[A-Z]\\w*|\\w+(Exception|Error)\\b|\\bat [\\w.$]+\\()");
    private static final Pattern ENGLISH = Pattern.compile("(?i)\\b(the|is|are|was|were|not|of|for|with|cannot|could|"
            + "failed|failure|error|exception|unexpected|denied|refused|timed|timeout|connection|invalid|must|such|file|"
            + "directory|null|unable|while|found|read-only|reset|closed|broken)\\b");
    private static final Pattern HTTP_STATUS = Pattern.compile("(?i)\\b(?:HTTP(?:/[\\d.]+)?|status|code)\\s*:?\\s*([1-5]\\d\\d)\\b");

    /** Known failures, first match wins: the bundle key of each explanation. */
    private static final List<Known> KNOWN = List.of(
            new Known(Pattern.compile("(?i)speech-cache"), "failure.speech-cache"),
            new Known(Pattern.compile("the file channels/\\S+\\.yml was removed"), "failure.channel-file-removed"),
            new Known(Pattern.compile("(?i)no space left"), "failure.disk-full"),
            new Known(Pattern.compile("(?i)(AccessDenied|permission denied|read-only file system)"), "failure.permission"),
            new Known(Pattern.compile("(?i)(NoSuchFile|FileNotFound|no such file)"), "failure.file-missing"),
            new Known(Pattern.compile("(?i)(timeout|timed out|InterruptedIOException)"), "failure.timeout"),
            new Known(Pattern.compile("(?i)(UnknownHost|ConnectException|connection refused|connection reset|"
                    + "no route to host|network is unreachable)"), "failure.connect"),
            new Known(Pattern.compile("(?i)(SSLHandshake|SSLException|certificate|PKIX)"), "failure.tls"));

    private record Known(Pattern pattern, String key) {}

    private final MessageSource messages;

    FailureText(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * What a person reads of a stored failure or reason, instants in {@code zone}: a clean Vietnamese text as it is;
     * otherwise its Vietnamese beginning, if it has one, and the explanation of what went wrong.
     */
    @Nullable
    String shown(@Nullable String raw, ZoneId zone) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text = localTimes(raw.strip(), zone);
        if (clean(text)) {
            return text;
        }
        String explanation = explain(text);
        String head = head(text);
        return head.isEmpty() ? explanation : head + ": " + lowerFirst(explanation);
    }

    /** The text, instants in {@code zone}, only if it is clean Vietnamese as it stands; else null. */
    @Nullable
    String clean(@Nullable String raw, ZoneId zone) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text = localTimes(raw.strip(), zone);
        return clean(text) ? text : null;
    }

    private String explain(String text) {
        for (Known known : KNOWN) {
            if (known.pattern().matcher(text).find()) {
                return say(known.key());
            }
        }
        Matcher status = HTTP_STATUS.matcher(text);
        if (status.find()) {
            int code = Integer.parseInt(status.group(1));
            String key = code == 401 || code == 403 ? "failure.http-denied"
                    : code == 404 ? "failure.http-missing"
                    : code == 429 ? "failure.http-busy"
                    : code >= 500 ? "failure.http-server" : "failure.http-refused";
            return say(key, code);
        }
        return say("failure.other");
    }

    private static boolean clean(String text) {
        return VIETNAMESE.matcher(text).find() && !PATH.matcher(text).find() && !JAVA.matcher(text).find()
                && !ENGLISH.matcher(text).find();
    }

    /** The longest beginning, cut where a detail starts (": ", " ("), that is clean Vietnamese on its own. */
    private static String head(String text) {
        Matcher cut = Pattern.compile(":\\s|\\s\\(|\\(").matcher(text);
        String head = "";
        while (cut.find()) {
            String candidate = text.substring(0, cut.start()).strip();
            if (!clean(candidate)) {
                break;
            }
            head = candidate;
        }
        return head;
    }

    private static String localTimes(String text, ZoneId zone) {
        Matcher instant = INSTANT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (instant.find()) {
            String shown;
            try {
                shown = Times.show(Instant.parse(instant.group()), zone);
            } catch (DateTimeParseException e) {
                shown = instant.group();
            }
            instant.appendReplacement(out, Matcher.quoteReplacement(shown));
        }
        instant.appendTail(out);
        return out.toString();
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private String say(String key, Object... values) {
        Optional<String> text = messages.getMessage(key, VI, values);
        return text.orElse(key);
    }
}
