package me.adsby.workbench.engine.about;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VersionInfoTest {

    private static final String PACKAGE_VERSION = "jpackage.app-version";

    @AfterEach
    void clearPackageVersion() {
        System.clearProperty(PACKAGE_VERSION);
    }

    @Test
    void aBuildShowsItsProjectVersionAlone() {
        assertThat(VersionInfo.installedPackage()).isEmpty();
        assertThat(VersionInfo.workbenchWithPackage()).isEqualTo(VersionInfo.workbench()).isNotEqualTo("unknown");
    }

    @Test
    void anInstalledPackageAddsItsVersion() {
        System.setProperty(PACKAGE_VERSION, "0.1.0");
        assertThat(VersionInfo.installedPackage()).contains("0.1.0");
        assertThat(VersionInfo.workbenchWithPackage()).isEqualTo(VersionInfo.workbench() + " (installed package 0.1.0)");
    }
}
