package me.adsby.workbench.app;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where TensorFlow's natives unpack (JavaCPP's cache, about 650 MB): {@code -Dorg.bytedeco.javacpp.cachedir}
 * when the JVM was given it, else {@value #ENVIRONMENT_VARIABLE}, else {@code $XDG_CACHE_HOME/workbench/javacpp},
 * else {@code ~/.cache/workbench/javacpp}. The installed app's launcher cannot expand {@code $HOME} in its JVM
 * options, so the Launcher sets the property here, before anything loads the natives; worker JVMs inherit it
 * on their command line.
 */
final class NativeCache {

    static final String PROPERTY = "org.bytedeco.javacpp.cachedir";
    static final String ENVIRONMENT_VARIABLE = "WORKBENCH_NATIVE_CACHE";

    private NativeCache() {
    }

    /** The cache folder for this environment, when the JVM was not told one. */
    static Path locate(Map<String, String> environment, String userHome) {
        String explicit = environment.get(ENVIRONMENT_VARIABLE);
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit).toAbsolutePath().normalize();
        }
        String xdg = environment.get("XDG_CACHE_HOME");
        // The XDG spec says to ignore a relative XDG_CACHE_HOME.
        Path cacheRoot = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg) : Path.of(userHome, ".cache");
        return cacheRoot.resolve("workbench").resolve("javacpp").normalize();
    }

    /** Sets the JavaCPP cache property unless the JVM was started with it. */
    static void configure() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, locate(System.getenv(), System.getProperty("user.home")).toString());
        }
    }
}
