package org.frontierregistry.tracker.record;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The comparable form of a model name: Unicode-normalised, lower case, letters and digits only, so
 * "Llama 3.1-405B" and "llama-3.1-405b" are the same name. A plus sign is spelt out as "plus": labs use it
 * to tell a larger model from a smaller one ("Command R+" is not "Command R"), and write it both ways.
 * Scrapers add looser matching on top.
 */
public final class NameKey {
    private NameKey() {
    }

    public static String of(String name) {
        String ascii = asciiKey(name);
        if (ascii != null) {
            return ascii;
        }
        return normalised(name);
    }

    /** The key by the general rule, for any text. */
    static String normalised(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder key = new StringBuilder(folded.length());
        folded.codePoints().forEach(c -> {
            if (c == '+') {
                key.append("plus");
            } else if (Character.isLetterOrDigit(c)) {
                key.appendCodePoint(c);
            }
        });
        return key.toString();
    }

    /**
     * The same key for a name in plain ASCII (nearly every name), without the Unicode normaliser: NFKC leaves
     * ASCII as it is, and its letters and digits are a-z, A-Z and 0-9. Null when the name has other characters.
     */
    private static String asciiKey(String name) {
        StringBuilder key = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 0x80) {
                return null;
            }
            if (c >= 'A' && c <= 'Z') {
                key.append((char) (c + ('a' - 'A')));
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                key.append(c);
            } else if (c == '+') {
                key.append("plus");
            }
        }
        return key.toString();
    }
}
