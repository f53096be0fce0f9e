package me.adsby.workbench.storage.history;

import java.util.Locale;

/** What was done to a registry model, as the audit log names it. */
public enum RegistryAction {
    /** A new version was added. */
    PUBLISH,
    /** A label was moved to a version. */
    LABEL,
    /** {@code production} went back to the version it pointed at before. */
    ROLLBACK,
    /** A label was moved although the validation gate said no; the details hold the reason given. */
    OVERRIDE,
    /** A version left the served set (its files stay). */
    ARCHIVE;

    /** The lower-case name stored in the database and shown to people. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static RegistryAction of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
