package org.frontierregistry.tracker.record;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The comparable form of a model name: Unicode-normalised, lower case, letters and digits only, so
 * "Llama 3.1-405B" and "llama-3.1-405b" are the same name. Scrapers add looser matching on top.
 */
public final class NameKey {
    private NameKey() {
    }

    public static String of(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder key = new StringBuilder(folded.length());
        folded.codePoints().filter(Character::isLetterOrDigit).forEach(key::appendCodePoint);
        return key.toString();
    }
}
