package me.adsby.workbench.engine.demo;

import java.util.Locale;

/** The kind of device that showed the ad. */
public enum Device {
    MOBILE,
    DESKTOP,
    TABLET;

    /** The CSV value, e.g. {@code mobile}. */
    public String csvName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
