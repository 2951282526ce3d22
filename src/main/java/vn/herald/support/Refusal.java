package vn.herald.support;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * A request the domain refuses, in the domain's words. The web layer turns it into an
 * application/problem+json answer; features never speak HTTP. The {@link RefusalCode} is stable (clients and tests
 * match on it); the text a person reads comes from the message bundle by that code, in Vietnamese unless English is
 * asked for ({@link #message(Locale)}).
 */
public class Refusal extends RuntimeException {

    public enum Kind { INVALID, NOT_FOUND, CONFLICT, FORBIDDEN, TOO_LARGE, UNSUPPORTED_TYPE }

    /** What a not-found refusal could not find, named in the person's language ({@code refusal.noun.*}). */
    public enum Noun {
        PIECE, CHANNEL, UNIT, CAMPAIGN, CAMPAIGN_TEMPLATE, PUBLICATION, PROPOSAL, FILE, NOTICE, PLAN;

        public String key() {
            return "refusal.noun." + name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * An argument that is itself a bundle text, rendered in the same language: a status ({@code new Word("status.DRAFT")})
     * or a refusal's own text with its arguments ({@link #said}).
     */
    public record Word(String key, List<Object> args) {

        public Word(String key) {
            this(key, List.of());
        }
    }

    /** What is wrong with one field of the request: the field's name (machine), a stable code and its arguments. */
    public record FieldError(String field, RefusalCode code, List<Object> args) {

        public FieldError(String field, RefusalCode code, Object... args) {
            this(field, code, Arrays.asList(args));
        }

        /** The text in Vietnamese, as pages show it. */
        public String message() {
            return message(VIETNAMESE);
        }

        public String message(Locale locale) {
            return text(code.key(), args, locale);
        }
    }

    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final String BUNDLE = "i18n.messages";
    private static final String LABELLED = "refusal.labelled";
    // messages.properties (the English fallback) is the bundle for any locale but Vietnamese
    private static final ResourceBundle.Control NO_DEFAULT_LOCALE = ResourceBundle.Control.getNoFallbackControl(
            ResourceBundle.Control.FORMAT_PROPERTIES);

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Kind kind;
    private final RefusalCode code;
    private final List<Object> args;
    private final List<FieldError> fieldErrors;
    private final Map<String, Object> existing;

    public Refusal(Kind kind, RefusalCode code, Object... args) {
        this(kind, code, List.of(), Map.of(), args);
    }

    public Refusal(Kind kind, RefusalCode code, List<FieldError> fieldErrors, Object... args) {
        this(kind, code, fieldErrors, Map.of(), args);
    }

    /**
     * A refusal naming what already exists and stands in the way (e.g. the earlier publication of a piece on a
     * channel), so a client can show or open it.
     */
    public Refusal(Kind kind, RefusalCode code, List<FieldError> fieldErrors, Map<String, Object> existing, Object... args) {
        super(code.code(), null, false, false);
        this.kind = kind;
        this.code = code;
        this.args = Arrays.asList(args);
        this.fieldErrors = List.copyOf(fieldErrors);
        this.existing = Collections.unmodifiableMap(new LinkedHashMap<>(existing));
    }

    /** Nothing of that kind by that id, e.g. {@code notFound(Noun.PIECE, 12)}: "Không tìm thấy tin, bài 12." */
    public static Refusal notFound(Noun what, Object id) {
        return new Refusal(Kind.NOT_FOUND, RefusalCode.NOT_FOUND, new Word(what.key()), String.valueOf(id));
    }

    /** A refusal text as an argument of another, e.g. what a value should have been. */
    public static Word said(RefusalCode code, Object... args) {
        return new Word(code.key(), Arrays.asList(args));
    }

    /** One field is wrong; the refusal's code is the field's and its text is the detail. */
    public static Refusal invalid(String field, RefusalCode code, Object... args) {
        return new Refusal(Kind.INVALID, code, List.of(new FieldError(field, code, args)), args);
    }

    public static Refusal conflict(RefusalCode code, Object... args) {
        return new Refusal(Kind.CONFLICT, code, args);
    }

    /** The text in Vietnamese, the language of the people who use Herald. */
    @Override
    public String getMessage() {
        return message(VIETNAMESE);
    }

    public String message(Locale locale) {
        return text(code.key(), args, locale);
    }

    /**
     * The text with what is wrong in each field, each named by its label as the forms show it ({@code field.*}),
     * for a page that shows the refusal as one message.
     */
    public String explained(Locale locale) {
        StringBuilder text = new StringBuilder(message(locale));
        for (FieldError error : fieldErrors) {
            String said = error.message(locale);
            if (!text.toString().contains(said)) {
                text.append(' ').append(text(LABELLED, List.of(label(error.field(), locale), said), locale));
            }
        }
        return text.toString();
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code.code();
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    public Map<String, Object> existing() {
        return existing;
    }

    /** A field's label where the forms have one ({@code field.*}), else its name as the request spells it. */
    public static String label(String field, Locale locale) {
        String label = text("field." + field, List.of(), locale);
        return label.equals("field." + field) ? field : label;
    }

    /** A time as a refusal names it: in the unit's zone, {@code dd/MM/yyyy HH:mm}, never an instant. */
    public static String time(Instant at, ZoneId zone) {
        return SHOWN.format(at.atZone(zone));
    }

    /** A day as a refusal names it: {@code dd/MM/yyyy}. */
    public static String day(LocalDate day) {
        return DAY.format(day);
    }

    /** A bundle text by key in the locale (Vietnamese, or English for any other), with its arguments filled in. */
    public static String text(String key, List<Object> args, Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, VIETNAMESE.getLanguage().equals(locale.getLanguage())
                ? VIETNAMESE : Locale.ROOT, NO_DEFAULT_LOCALE);
        Object[] shown = args.stream().map(arg -> arg instanceof Word word ? text(word.key(), word.args(), locale)
                : String.valueOf(arg)).toArray();
        String pattern = lookup(bundle, key);
        // other keys of the bundle (statuses, labels) are plain text, not MessageFormat patterns
        return args.isEmpty() && !key.startsWith("refusal.") ? pattern : new MessageFormat(pattern, locale).format(shown);
    }

    private static String lookup(ResourceBundle bundle, String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }
}
