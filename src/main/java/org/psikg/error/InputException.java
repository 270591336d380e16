package org.psikg.error;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when the input has one or more {@link InputError}s; carries all of them, sorted. */
public class InputException extends RuntimeException {
    private final List<InputError> errors;

    public InputException(List<InputError> errors) {
        super(errors.stream().sorted().map(InputError::format).collect(Collectors.joining("\n")));
        this.errors = errors.stream().sorted().toList();
    }

    public InputException(InputError error) {
        this(List.of(error));
    }

    public List<InputError> errors() {
        return errors;
    }
}
