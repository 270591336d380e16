package org.psikg.error;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects input errors so that one run reports all of them instead of stopping at the first.
 * <pre>
 * Problems problems = new Problems();
 * problems.add(InputError.of(loc, "unknown-key", "unknown entity key: rusia"));
 * problems.throwIfAny();
 * </pre>
 */
public final class Problems {
    private final List<InputError> errors = new ArrayList<>();

    public void add(InputError error) {
        errors.add(error);
    }

    public void addAll(InputException e) {
        errors.addAll(e.errors());
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InputException(List.copyOf(errors));
        }
    }
}
