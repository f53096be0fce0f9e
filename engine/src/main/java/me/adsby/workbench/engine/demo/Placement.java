package me.adsby.workbench.engine.demo;

import java.util.Locale;

/** Where on the publisher's page the ad was shown. */
public enum Placement {
    SEARCH,
    FEED,
    SIDEBAR,
    ARTICLE_INLINE,
    VIDEO_PREROLL;

    /** The CSV value, e.g. {@code article_inline}. */
    public String csvName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
