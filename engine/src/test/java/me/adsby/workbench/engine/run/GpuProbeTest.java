package me.adsby.workbench.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GpuProbeTest {

    @TempDir
    Path temp;

    @Test
    void withoutTheGpuNativesTheReasonSaysHowToGetThem() {
        GpuProbe.Availability result = new GpuProbe(List.of(temp), command -> Optional.of("GPU 0: H100")).check();

        assertThat(result.available()).isFalse();
        assertThat(result.reason()).contains(GpuProbe.GPU_NATIVES).contains("-Pgpu");
    }

    @Test
    void withTheNativesButNoGpuTheReasonSaysSo() throws IOException {
        Files.createFile(temp.resolve(GpuProbe.GPU_NATIVES));

        assertThat(new GpuProbe(List.of(temp), command -> Optional.empty()).check().reason())
                .startsWith("no NVIDIA GPU found");
        assertThat(new GpuProbe(List.of(temp), command -> Optional.of("No devices were found\n")).check().available())
                .isFalse();
    }

    @Test
    void withTheNativesAndAGpuTheNativesAreChosen() throws IOException {
        Path natives = Files.createFile(temp.resolve(GpuProbe.GPU_NATIVES));

        GpuProbe.Availability result = new GpuProbe(List.of(temp.resolve("missing"), temp),
                command -> Optional.of("GPU 0: NVIDIA H100 80GB HBM3 (UUID: GPU-1)\n")).check();

        assertThat(result.gpuNatives()).contains(natives);
        assertThat(result.reason()).isEqualTo("GPU 0: NVIDIA H100 80GB HBM3 (UUID: GPU-1)");
    }
}
