package org.practicealerts.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/** Files the embedded default's service processes create on first start and then share (keys, mostly). */
public final class SharedFiles {

    private SharedFiles() {
    }

    /**
     * The file's content, creating it with {@code content} when it does not exist. Every service process calls this
     * at start, often at the same moment: exactly one content wins and all of them read it. The file is published
     * with a hard link, which (unlike a rename) never replaces a file another process published first.
     */
    public static String readOrPublish(Path file, Supplier<String> content) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8);
        }
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(tmp, content.get(), StandardCharsets.UTF_8);
            try {
                Files.createLink(file, tmp);
            } catch (FileAlreadyExistsException raced) {
                // another process published first: use theirs
            } catch (UnsupportedOperationException | IOException noHardLinks) {
                try {
                    Files.move(tmp, file); // no REPLACE_EXISTING: fails rather than overwrite theirs
                } catch (FileAlreadyExistsException raced) {
                    // theirs
                }
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
