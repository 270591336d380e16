package org.psikg.io;

import java.io.Console;
import java.lang.reflect.Method;

/**
 * Whether psikg runs on an interactive terminal, under the Java 21 floor: on Java 21
 * {@link System#console()} is non-null only when standard input and output are both a
 * terminal; from Java 22 it may return a console when they are not, and
 * {@code Console.isTerminal()} (reached reflectively, as it is not in 21's API) says which.
 * Neither looks at standard error, so {@code psikg build 2>log} on a terminal still counts as
 * one (docs/decisions.md): {@code --progress=lines} is the way out.
 */
final class Terminal {
    private static final Method IS_TERMINAL = isTerminalMethod();

    private Terminal() {
    }

    static boolean attached() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        if (IS_TERMINAL == null) {
            return true;
        }
        try {
            return (Boolean) IS_TERMINAL.invoke(console);
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    private static Method isTerminalMethod() {
        try {
            return Console.class.getMethod("isTerminal");
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
