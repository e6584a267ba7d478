package io.sessiongrid.node.demo.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Whole-file replacement, so that a reader never sees half a summary or half a page. */
final class ReportFiles {
    private ReportFiles() {
    }

    /** Writes {@code content} beside {@code file} and moves it into place (creating the directory). */
    static void replace(Path file, byte[] content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // a plain sibling, not createTempFile: that one is owner-only, and the report is meant to be shared
        Path tmp = dir.resolve("." + file.getFileName() + ".tmp");
        try {
            Files.write(tmp, content);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
