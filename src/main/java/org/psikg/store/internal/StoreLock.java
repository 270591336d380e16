package org.psikg.store.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.dboe.base.file.ProcessFileLock;
import org.psikg.error.ErrorCode;
import org.psikg.error.InputError;
import org.psikg.error.InputException;
import org.psikg.error.Location;

/**
 * TDB2 lets one process at a time open a store, by an OS lock on {@code tdb.lock}. Asked
 * before anything else, so that a second {@code serve} or a {@code build} over a served
 * store stops at once with a message saying so (and a build never swaps the folder from
 * under a running server). A lock this JVM holds is no obstacle.
 * <pre>
 * StoreLock.checkNotInUse(Path.of("target/tdb2"));
 * </pre>
 */
public final class StoreLock {
    private StoreLock() {
    }

    public static void checkNotInUse(Path dir) {
        Path lockFile = dir.toAbsolutePath().normalize().resolve("tdb.lock");
        if (!Files.isRegularFile(lockFile)) {
            return;
        }
        ProcessFileLock lock = ProcessFileLock.create(lockFile.toString());
        if (lock.isLockedHere()) {
            return;
        }
        if (lock.tryLock()) {
            lock.unlock();
            ProcessFileLock.release(lock);
            return;
        }
        ProcessFileLock.release(lock);
        String owner;
        try {
            owner = Files.readString(lockFile).strip();
        } catch (IOException e) {
            owner = "";
        }
        throw new InputException(InputError.of(Location.ofFile(dir.toString()), ErrorCode.IO,
                "TDB2 store in use by another process" + (owner.matches("[0-9]+") ? " (pid " + owner + ")" : "")
                        + "; a store can be open in one process at a time")
                .withHint("stop that process (a psikg serve?) first, or build to another folder and serve that"));
    }
}
