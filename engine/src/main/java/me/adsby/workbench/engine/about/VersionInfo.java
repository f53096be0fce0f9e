package me.adsby.workbench.engine.about;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;

/**
 * Versions of Workbench and of what it runs on, for About screens, provenance and {@code --version}.
 * Everything here is cheap except {@link #tensorflowRuntime()}, which loads the TensorFlow natives.
 */
public final class VersionInfo {

    private static final String UNKNOWN = "unknown";

    private VersionInfo() {
    }

    /** The version of this build of Workbench. */
    public static String workbench() {
        return property(VersionInfo.class, "workbench-version.properties", "version");
    }

    /**
     * The version of the installed package this Workbench runs from (the numeric version an installer carries,
     * such as {@code 0.1.0}), read from the {@code jpackage.app-version} property that the installed launcher
     * sets; empty when Workbench runs from a build.
     */
    public static Optional<String> installedPackage() {
        return Optional.ofNullable(System.getProperty("jpackage.app-version")).filter(version -> !version.isBlank());
    }

    /** This build's version, with the installed package's version when it runs from one. */
    public static String workbenchWithPackage() {
        return workbench() + installedPackage().map(version -> " (installed package " + version + ")").orElse("");
    }

    /** The Java runtime: version and vendor. */
    public static String java() {
        return Runtime.version() + " (" + System.getProperty("java.vendor", UNKNOWN) + ")";
    }

    /** The version of the TensorFlow Java API on the class path, read without loading the natives. */
    public static String tensorflowJava() {
        return property(org.tensorflow.TensorFlow.class,
                "/META-INF/maven/org.tensorflow/tensorflow-core-api/pom.properties", "version");
    }

    /**
     * The version of the native TensorFlow runtime. Loads the natives: about 2 s the first time (unpacking
     * them into the JavaCPP cache), so never call it on a UI thread.
     */
    public static String tensorflowRuntime() {
        return org.tensorflow.TensorFlow.version();
    }

    private static String property(Class<?> anchor, String resource, String key) {
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                return UNKNOWN;
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty(key, UNKNOWN);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
