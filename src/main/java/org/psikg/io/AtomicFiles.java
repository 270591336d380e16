package org.psikg.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.psikg.error.ErrorCode;
import org.psikg.error.InputError;
import org.psikg.error.InputException;
import org.psikg.error.Location;

/**
 * Writes files so that a failure never leaves half of one: each is written to a temporary
 * file beside its target, and only when all are complete are they moved into place.
 * <pre>
 * AtomicFiles.checkTargets(List.of(trig, nquads));      // before the work: bad-output if a path cannot be a file
 * AtomicFiles.write(Map.of(trig, out -> writeTrig(out), nquads, out -> writeNq(out)));
 * </pre>
 * A temporary file is named {@code .NAME.PID.RANDOM.tmp}: one that a killed process left
 * (its pid no longer running) is deleted by the next write of the same target. Files are
 * created with the process's umask, as any other program's (a temporary file of the JDK
 * would be private, mode 0600, and stay so once moved).
 */
public final class AtomicFiles {
    /** Writes the content of one file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern TEMPORARY = Pattern.compile("\\.(.+)\\.([0-9]{1,18})\\.[0-9a-f]{16}\\.tmp");

    private AtomicFiles() {
    }

    public static void write(Path target, Content content) throws IOException {
        write(Map.of(target, content));
    }

    /**
     * A {@code bad-output} {@link InputException} for the first path that cannot be written
     * as a file: a folder, or under something that is not a folder.
     */
    public static void checkTargets(List<Path> targets) {
        for (Path target : targets) {
            if (Files.isDirectory(target)) {
                throw refusal(target, "is a folder, not a file", "name a file, such as " + target.resolve("psikg.trig"));
            }
            for (Path p = target.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
                if (Files.exists(p) && !Files.isDirectory(p)) {
                    throw refusal(target, "cannot be written: " + p + " is a file, not a folder", "name a file in a folder");
                }
            }
        }
    }

    private static InputException refusal(Path target, String message, String hint) {
        return new InputException(InputError.of(Location.ofFile(target.toString()), ErrorCode.BAD_OUTPUT, message).withHint(hint));
    }

    /** Writes every file, or none of them (unless the machine fails between two moves). */
    public static void write(Map<Path, Content> files) throws IOException {
        checkTargets(List.copyOf(files.keySet()));
        List<Path[]> moves = new ArrayList<>();
        try {
            for (Map.Entry<Path, Content> e : files.entrySet()) {
                Path dir = e.getKey().toAbsolutePath().getParent();
                Files.createDirectories(dir);
                deleteLeftOvers(dir, e.getKey().getFileName().toString());
                Path tmp = Files.createFile(dir.resolve("." + e.getKey().getFileName() + "." + ProcessHandle.current().pid()
                        + "." + HexFormat.of().toHexDigits(RANDOM.nextLong()) + ".tmp"));
                moves.add(new Path[] {tmp, e.getKey()});
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    e.getValue().writeTo(out);
                }
            }
            for (Path[] m : moves) {
                Files.move(m[0], m[1], StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            for (Path[] m : moves) {
                Files.deleteIfExists(m[0]);
            }
        }
    }

    /** Deletes the temporary files of {@code name} whose writer is no longer running (killed before it could). */
    private static void deleteLeftOvers(Path dir, String name) throws IOException {
        try (DirectoryStream<Path> all = Files.newDirectoryStream(dir, p -> p.getFileName().toString().startsWith("." + name + "."))) {
            for (Path p : all) {
                Matcher m = TEMPORARY.matcher(p.getFileName().toString());
                if (m.matches() && m.group(1).equals(name) && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                        && ProcessHandle.of(Long.parseLong(m.group(2))).isEmpty()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
