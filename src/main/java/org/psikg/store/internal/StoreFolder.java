package org.psikg.store.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The folder of a store and its two siblings while it is replaced: a store is written beside
 * its target ({@code .NAME.new}) and swapped in by renames ({@code NAME} to {@code .NAME.old},
 * {@code .NAME.new} to {@code NAME}); {@link #recover} puts back a complete store whatever a
 * crash left, so the directory always holds exactly the old store or the new one.
 * <pre>
 * StoreFolder folder = new StoreFolder(Path.of("target/tdb2"));
 * folder.recover();
 * Path fresh = folder.fresh();      // write the new store here, close it, then
 * folder.swap();
 * </pre>
 */
public final class StoreFolder {
    private final Path target;

    public StoreFolder(Path dir) {
        this.target = dir.toAbsolutePath().normalize();
    }

    public Path target() {
        return target;
    }

    /** Whether the target holds a TDB2 store (its {@code Data-NNNN} generation folder). */
    public boolean holdsStore() {
        if (!Files.isDirectory(target)) {
            return false;
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith("Data-"));
        } catch (IOException e) {
            return false;
        }
    }

    /** Undoes what an interrupted swap left: a complete old store comes back; a half-written new one goes at the next {@link #fresh}. */
    public void recover() throws IOException {
        Path old = sibling("old");
        if (Files.exists(old)) {
            if (Files.exists(target)) {
                deleteTree(old);
            } else {
                Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }

    /** An empty folder beside the target to write the new store in (whatever an earlier attempt left there goes first). */
    public Path fresh() throws IOException {
        Path fresh = sibling("new");
        deleteTree(fresh);
        return Files.createDirectories(fresh);
    }

    /** Puts the {@link #fresh} store in the target's place, then deletes the one it replaced. */
    public void swap() throws IOException {
        Path old = sibling("old");
        if (Files.exists(target)) {
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(sibling("new"), target, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(old);
    }

    private Path sibling(String what) {
        return target.resolveSibling("." + target.getFileName() + "." + what);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
