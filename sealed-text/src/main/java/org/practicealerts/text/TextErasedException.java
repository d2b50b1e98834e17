package org.practicealerts.text;

/** New text for a record whose text was erased: its key is gone, and a new one would undo nothing but confuse. */
public class TextErasedException extends RuntimeException {

    private final String keyId;

    public TextErasedException(String keyId) {
        super("the text of " + keyId + " was erased: no new text can be recorded on it");
        this.keyId = keyId;
    }

    public String keyId() {
        return keyId;
    }
}
