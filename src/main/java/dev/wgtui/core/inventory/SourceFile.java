package dev.wgtui.core.inventory;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** A file the inventory is read from, with the name it goes by in messages. */
record SourceFile(Path path, String name) {

    /** Far more than any inventory holds; a file past it is refused before it is read. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    InventoryException error(int line, String message) {
        return new InventoryException(this, line, message, null);
    }

    InventoryException error(String message) {
        return error(0, message);
    }

    /** The file's text, UTF-8 without a byte order mark. */
    String read() throws InventoryException {
        if (Files.isDirectory(path)) {
            throw error("is a directory, not a file");
        }
        try {
            if (Files.size(path) > MAX_BYTES) {
                throw error(String.format("%,d bytes, more than wgtui reads from an inventory file (%,d)",
                        Files.size(path), MAX_BYTES));
            }
            String text = Files.readString(path);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (NoSuchFileException e) {
            throw error("no such file");
        } catch (AccessDeniedException e) {
            throw error("permission denied");
        } catch (CharacterCodingException e) {
            throw error("not UTF-8 text");
        } catch (IOException e) {
            throw new InventoryException(this, 0, "cannot read: " + e.getMessage(), e);
        }
    }
}
