package org.practicealerts.text;

import com.google.crypto.tink.Aead;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.practicealerts.events.FreeText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seals free text with its record's key and opens it again. A sealed value is a string,
 * {@code sealed:v1:<record id>:<base64url AES-GCM ciphertext>}, so it travels through every event, topic, projection
 * and document unchanged; only a holder of the key can read it. Opening replaces every sealed value inside a string
 * (a projection may have composed one into a sentence) and leaves plain strings alone; an erased key reads as
 * {@link #ERASED}.
 */
public class SealedText {

    public static final String ERASED = "[text erased]";
    public static final String UNREADABLE = "[text unreadable]";

    private static final Logger log = LoggerFactory.getLogger(SealedText.class);
    private static final String PREFIX = "sealed:v1:";
    private static final String DEFUSED = "sealed: v1:";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern ENVELOPE = Pattern.compile(
            Pattern.quote(PREFIX) + "(" + ID.pattern() + "):([A-Za-z0-9_-]{38,})");
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final TextKeys keys;

    public SealedText(TextKeys keys) {
        this.keys = keys;
    }

    /**
     * The text sealed with the record's key; null and blank stay as they are (nothing to hide, rules still see it).
     * Text that holds a sealed value (copied from another alert's record) is defused first, so that opening this
     * record's text can never open the other alert's: what a person wrote never contains a live sealed value.
     */
    public String seal(String recordId, String text) {
        if (text == null || text.isBlank()) {
            return text;
        }
        text = text.replace(PREFIX, DEFUSED);
        if (!ID.matcher(recordId).matches()) {
            throw new IllegalArgumentException("not a record id: " + recordId);
        }
        try {
            byte[] sealed = keys.forSealing(recordId).encrypt(text.getBytes(StandardCharsets.UTF_8),
                    associated(recordId));
            return PREFIX + recordId + ":" + B64.encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal text for " + recordId, e);
        }
    }

    /** {@code value} (a record) with each of its {@link FreeText} strings sealed with the record's key. */
    public <T> T sealFreeText(String recordId, T value) {
        return RecordStrings.mapFreeText(value, text -> seal(recordId, text));
    }

    /** The string with every sealed value in it opened. */
    public String open(String text) {
        if (text == null || !text.contains(PREFIX)) {
            return text;
        }
        Matcher m = ENVELOPE.matcher(text);
        return m.replaceAll(match -> Matcher.quoteReplacement(openOne(match.group(1), match.group(2))));
    }

    /** {@code value} (a record, or a list of them) with every string in it opened. */
    public <T> T openAll(T value) {
        return RecordStrings.mapAll(value, this::open);
    }

    /** Whether the string is one sealed value. */
    public static boolean isSealed(String text) {
        return text != null && ENVELOPE.matcher(text).matches();
    }

    private String openOne(String recordId, String ciphertext) {
        Optional<Aead> key = keys.forOpening(recordId);
        if (key.isEmpty()) {
            return ERASED;
        }
        try {
            return new String(key.get().decrypt(B64D.decode(ciphertext), associated(recordId)),
                    StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // tampered with, or sealed under another record's id: never shown, and worth an operator's look
            log.warn("sealed text of {} does not open with its key", recordId);
            return UNREADABLE;
        }
    }

    /** Sealed text opens only under its own record: a value copied into another alert's event does not. */
    private static byte[] associated(String recordId) {
        return ("practice-alerts text " + recordId).getBytes(StandardCharsets.UTF_8);
    }
}
