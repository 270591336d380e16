package org.psikg.error;

/**
 * One problem with the input, where it is, and what to do about it. Every user-facing input
 * error of psikg is one of these, formatted in one place ({@link #format()}):
 * <pre>
 * seeds/001.yaml:40:12: error: quote not found: "the EEU arived"
 *   hint: nearest passage: "the EEU arrived on January 1, 2015"
 * </pre>
 *
 * @param code    the kind of error, documented in docs/errors.md
 * @param hint    what to do about it, or {@code null}
 */
public record InputError(Location location, ErrorCode code, String message, String hint)
        implements Comparable<InputError> {

    public static InputError of(Location location, ErrorCode code, String message) {
        return new InputError(location, code, message, null);
    }

    public InputError withHint(String newHint) {
        return new InputError(location, code, message, newHint);
    }

    public String format() {
        String head = location + ": error: " + message + " [" + code.id() + "]";
        return hint == null ? head : head + "\n  hint: " + hint;
    }

    @Override
    public int compareTo(InputError o) {
        int c = location.compareTo(o.location);
        return c != 0 ? c : message.compareTo(o.message);
    }
}
