package org.psikg.corpus;

import java.util.regex.Pattern;
import org.psikg.error.ErrorCode;
import org.psikg.error.InputError;
import org.psikg.error.InputException;

/** The one rule for keys and ids that become IRI path segments. */
public final class Slugs {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private Slugs() {
    }

    public static boolean isSlug(String s) {
        return SLUG.matcher(s).matches();
    }

    public static void check(Token t, String what) {
        if (!isSlug(t.text())) {
            throw new InputException(InputError.of(t.location(), ErrorCode.BAD_SLUG, what + " '" + t.text()
                    + "' is not a slug").withHint("use lower-case letters, digits and single hyphens, e.g. 'energy-price-leverage'"));
        }
    }
}
