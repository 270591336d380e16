package org.psikg.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes files so that a failure never leaves half of one: each is written to a temporary
 * file beside its target, and only when all are complete are they moved into place.
 * <pre>
 * AtomicFiles.write(Map.of(trig, out -> writeTrig(out), nquads, out -> writeNq(out)));
 * </pre>
 */
public final class AtomicFiles {
    /** Writes the content of one file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    public static void write(Path target, Content content) throws IOException {
        write(Map.of(target, content));
    }

    /** Writes every file, or none of them (unless the machine fails between two moves). */
    public static void write(Map<Path, Content> files) throws IOException {
        List<Path[]> moves = new ArrayList<>();
        try {
            for (Map.Entry<Path, Content> e : files.entrySet()) {
                Path dir = e.getKey().toAbsolutePath().getParent();
                Files.createDirectories(dir);
                Path tmp = Files.createTempFile(dir, "." + e.getKey().getFileName(), ".tmp");
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
}
