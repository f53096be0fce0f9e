package me.adsby.workbench.app.data;

import java.util.Locale;
import me.adsby.workbench.storage.files.FolderEntry;

/** What a folder entry is, for the Kind column: judged by the name's extension. */
enum EntryKind {
    FOLDER("Folder"),
    CSV("CSV table"),
    IMAGE("Image"),
    TEXT("Text"),
    OTHER("File");

    private final String displayName;

    EntryKind(String displayName) {
        this.displayName = displayName;
    }

    String displayName() {
        return displayName;
    }

    static EntryKind of(FolderEntry entry) {
        if (entry.folder()) {
            return FOLDER;
        }
        String name = entry.name().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return CSV;
        }
        if (name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg")) {
            return IMAGE;
        }
        if (name.endsWith(".md") || name.endsWith(".txt") || name.endsWith(".json")) {
            return TEXT;
        }
        return OTHER;
    }
}
