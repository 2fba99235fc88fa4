package org.frontierregistry.tracker.io;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Replaces a folder's content as a whole: the new content is written into a fresh sibling folder
 * ({@code .<name>.tracker-new}); when it is complete the old folder is renamed aside
 * ({@code .<name>.tracker-old}), the new one renamed into its place, whatever the old folder held that the
 * new one lacks (the scrape cache, the proposals manifest) moved across, and the old folder deleted. A
 * reader therefore finds the folder whole, old or new. A run killed midway leaves a sibling that
 * {@link #recover} puts right: the old folder back if the new one never arrived, else the move finished.
 */
public final class FolderSwap {
    private static final String NEW = ".tracker-new";
    private static final String OLD = ".tracker-old";

    private final Path target;

    private FolderSwap(Path target) {
        this.target = target;
    }

    /** For the folder {@code target} (which may not exist yet); a symbolic link is followed to its folder. */
    public static FolderSwap of(Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(absolute)) {
            absolute = absolute.toRealPath();
        }
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new WriteFailure(absolute + " is a file, not a folder; give an output folder.");
        }
        return new FolderSwap(absolute);
    }

    public Path target() {
        return target;
    }

    public Path staging() {
        return sibling(NEW);
    }

    Path aside() {
        return sibling(OLD);
    }

    /**
     * Puts right what an interrupted swap left beside the target.
     *
     * @return what was done, for people ("" when there was nothing to do)
     */
    public String recover() throws IOException {
        List<String> done = new ArrayList<>();
        if (Files.isDirectory(aside(), LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                Files.move(aside(), target, StandardCopyOption.ATOMIC_MOVE);
                done.add("put the previous " + target.getFileName() + "/ back");
            } else {
                finish();
                done.add("finished replacing " + target.getFileName() + "/");
            }
        }
        if (Files.exists(staging(), LinkOption.NOFOLLOW_LINKS)) {
            deleteTree(staging());
            done.add("removed an unfinished " + staging().getFileName() + "/");
        }
        return String.join(", ", done);
    }

    /** A fresh, empty staging folder to write the new content into. */
    public Path begin() throws IOException {
        recover();
        Files.createDirectories(target.getParent());
        Files.createDirectory(staging());
        copyPermissions(target, staging());
        return staging();
    }

    /**
     * Swaps the staged content in; call when every file of it is written.
     *
     * @return true when the folder was replaced whole; false when it cannot be renamed (a mount point, such as a
     *         container volume) and each file in it was replaced in one step instead
     */
    public boolean commit() throws IOException {
        syncFolder(staging());
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.move(target, aside(), StandardCopyOption.ATOMIC_MOVE);
            } catch (FileSystemException e) {
                if (e instanceof NoSuchFileException) {
                    throw e;
                }
                replaceFileByFile();
                return false;
            }
        }
        Files.move(staging(), target, StandardCopyOption.ATOMIC_MOVE);
        syncFolder(target.getParent());
        if (Files.isDirectory(aside(), LinkOption.NOFOLLOW_LINKS)) {
            finish();
        }
        return true;
    }

    /** The fallback where the folder itself cannot move: every staged file moved over its target in one step. */
    private void replaceFileByFile() throws IOException {
        try (Stream<Path> walk = Files.walk(staging())) {
            for (Path staged : walk.sorted().toList()) {
                Path into = target.resolve(staging().relativize(staged).toString());
                if (Files.isDirectory(staged)) {
                    Files.createDirectories(into);
                } else {
                    AtomicFiles.write(into, Files.readAllBytes(staged));
                }
            }
        }
        deleteTree(staging());
    }

    /** Removes the staging folder after a failed build; the target was never touched. */
    public void discard() throws IOException {
        if (Files.exists(staging(), LinkOption.NOFOLLOW_LINKS)) {
            deleteTree(staging());
        }
    }

    /** Moves what only the old folder holds into the new one, then deletes the old folder. */
    private void finish() throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(aside())) {
            for (Path entry : entries) {
                Path into = target.resolve(entry.getFileName().toString());
                if (!Files.exists(into, LinkOption.NOFOLLOW_LINKS)) {
                    Files.move(entry, into, StandardCopyOption.ATOMIC_MOVE);
                }
            }
        }
        deleteTree(aside());
        syncFolder(target.getParent());
    }

    private Path sibling(String suffix) {
        return target.resolveSibling("." + target.getFileName() + suffix);
    }

    private static void deleteTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void copyPermissions(Path from, Path to) throws IOException {
        PosixFileAttributeView source = Files.getFileAttributeView(from, PosixFileAttributeView.class);
        PosixFileAttributeView target = Files.getFileAttributeView(to, PosixFileAttributeView.class);
        if (source != null && target != null && Files.isDirectory(from)) {
            target.setPermissions(source.readAttributes().permissions());
        }
    }

    private static void syncFolder(Path folder) {
        AtomicFiles.syncFolder(folder);
    }
}
