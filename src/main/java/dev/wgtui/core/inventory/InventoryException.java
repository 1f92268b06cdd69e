package dev.wgtui.core.inventory;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An inventory that cannot be read or a limit pattern that cannot be used; the message names the
 * file and, when known, the line ({@code inventory.yml:12: ...}) and is fit to show an operator.
 */
public final class InventoryException extends Exception {

    private final transient Path file;
    private final int line;

    /** An error that belongs to no file, such as a limit pattern that matches nothing. */
    public InventoryException(String message) {
        super(message);
        this.file = null;
        this.line = 0;
    }

    InventoryException(SourceFile file, int line, String message, Throwable cause) {
        super(file.name() + (line > 0 ? ":" + line : "") + ": " + message, cause);
        this.file = file.path();
        this.line = line;
    }

    /** The file at fault, when the error is about a file. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** The 1-based line at fault, when known. */
    public OptionalInt line() {
        return line > 0 ? OptionalInt.of(line) : OptionalInt.empty();
    }
}
