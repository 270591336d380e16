package org.psikg.store.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.psikg.error.ErrorCode;
import org.psikg.error.InputError;
import org.psikg.error.InputException;
import org.psikg.error.Location;

/**
 * The folder of a store and its two siblings while it is replaced: a store is written beside
 * its target ({@code .NAME.new}) and swapped in by renames ({@code NAME} to {@code .NAME.old},
 * {@code .NAME.new} to {@code NAME}); {@link #recover} puts back a complete store whatever a
 * crash left, so the directory always holds exactly the old store or the new one. Nothing is
 * moved aside or deleted that psikg did not write: {@link #checkReplaceable} refuses a target
 * (or a sibling) holding anything but a TDB2 store's generations, its lock and psikg's own files.
 * <pre>
 * StoreFolder folder = new StoreFolder(Path.of("target/tdb2"), Set.of("dumps/psikg.trig.gz"));
 * folder.checkReplaceable();
 * folder.recover();
 * Path fresh = folder.fresh();      // write the new store here, close it, then
 * folder.swap();                    // or folder.discard()
 * </pre>
 */
public final class StoreFolder {
    private static final Pattern GENERATION = Pattern.compile("Data-[0-9]+");
    private static final String LOCK = "tdb.lock";

    private final Path given;
    private final Path target;
    private final Set<String> ownFiles;
    private final Set<String> ownFolders = new HashSet<>();

    /** {@code ownFiles}: the files psikg writes into a store's folder besides TDB2's, by relative path ({@code dumps/psikg.nq.gz}). */
    public StoreFolder(Path dir, Set<String> ownFiles) {
        this.given = dir;
        this.target = dir.toAbsolutePath().normalize();
        this.ownFiles = Set.copyOf(ownFiles);
        for (String f : ownFiles) {
            for (Path p = Path.of(f).getParent(); p != null; p = p.getParent()) {
                ownFolders.add(p.toString().replace('\\', '/'));
            }
        }
    }

    public StoreFolder(Path dir) {
        this(dir, Set.of());
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

    /**
     * A {@code bad-output} {@link InputException} unless the target is absent, an empty folder
     * or a store psikg wrote (and its siblings, if any, hold only what psikg writes), so that
     * replacing it deletes nothing psikg did not create: {@code --tdb2 target} for
     * {@code --tdb2 target/tdb2} would otherwise take the jar with it.
     */
    public void checkReplaceable() throws IOException {
        String hint = "psikg replaces only a store it wrote: give a new or empty folder, or one written by psikg build --tdb2";
        if (Files.isSymbolicLink(target)) {
            throw refusal(given.toString(), "--tdb2 names a symbolic link, not a folder", "give the folder itself");
        }
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw refusal(given.toString(), "--tdb2 names a file, not a folder", hint);
        }
        if (Files.isDirectory(target)) {
            Optional<String> foreign = foreignEntry(target);
            if (foreign.isEmpty() && !isEmpty(target) && !holdsStore()) {
                foreign = Optional.of("no Data-NNNN generation folder");
            }
            if (foreign.isPresent()) {
                throw refusal(given.toString(), "the folder is not empty and not a TDB2 store written by psikg (it holds "
                        + foreign.get() + ")", hint + " (such as " + given.resolve("tdb2") + ")");
            }
        }
        for (String what : List.of("old", "new")) {
            Path sibling = sibling(what);
            if (Files.isSymbolicLink(sibling) || Files.exists(sibling) && !Files.isDirectory(sibling)) {
                throw refusal(sibling.toString(), "psikg's working folder for the store is taken by a file or link",
                        "move it out of the way; psikg writes the new store there while it is built");
            }
            if (Files.isDirectory(sibling)) {
                Optional<String> foreign = foreignEntry(sibling);
                if (foreign.isPresent()) {
                    throw refusal(sibling.toString(), "psikg's working folder for the store holds " + foreign.get()
                            + ", which psikg did not write", "move it out of the way; psikg writes the new store there while it is built");
                }
            }
        }
    }

    /** The first entry of {@code dir} (by relative path) that is not a TDB2 generation, its lock or one of psikg's files. */
    private Optional<String> foreignEntry(Path dir) throws IOException {
        try (Stream<Path> top = Files.list(dir)) {
            for (Path p : top.sorted().toList()) {
                String name = p.getFileName().toString();
                boolean ok = GENERATION.matcher(name).matches() ? Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                        : name.equals(LOCK) ? Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                        : ownFolders.contains(name) ? ownFolderHoldsOnlyOwnFiles(dir, p)
                        : ownFiles.contains(name) && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS);
                if (!ok) {
                    return Optional.of(name);
                }
            }
        }
        return Optional.empty();
    }

    private boolean ownFolderHoldsOnlyOwnFiles(Path root, Path folder) throws IOException {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.toList()) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                boolean ok = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? ownFolders.contains(rel)
                        : Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && ownFiles.contains(rel);
                if (!ok) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.findAny().isEmpty();
        }
    }

    private static InputException refusal(String file, String message, String hint) {
        return new InputException(InputError.of(Location.ofFile(file), ErrorCode.BAD_OUTPUT, message).withHint(hint));
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

    /** Deletes the {@link #fresh} folder: the new store is not to replace the old one. */
    public void discard() throws IOException {
        deleteTree(sibling("new"));
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
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
