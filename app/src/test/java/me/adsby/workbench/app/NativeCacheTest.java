package me.adsby.workbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NativeCacheTest {

    @Test
    void theEnvironmentVariableWins() {
        assertThat(NativeCache.locate(Map.of("WORKBENCH_NATIVE_CACHE", "/data/natives", "XDG_CACHE_HOME", "/x"), "/home/ann"))
                .isEqualTo(Path.of("/data/natives"));
    }

    @Test
    void anAbsoluteXdgCacheHomeIsUsed() {
        assertThat(NativeCache.locate(Map.of("XDG_CACHE_HOME", "/var/cache/ann"), "/home/ann"))
                .isEqualTo(Path.of("/var/cache/ann/workbench/javacpp"));
    }

    @Test
    void otherwiseTheUsersCacheFolder() {
        assertThat(NativeCache.locate(Map.of(), "/home/ann")).isEqualTo(Path.of("/home/ann/.cache/workbench/javacpp"));
        assertThat(NativeCache.locate(Map.of("XDG_CACHE_HOME", "relative/cache"), "/home/ann"))
                .isEqualTo(Path.of("/home/ann/.cache/workbench/javacpp"));
    }
}
