package me.adsby.workbench.app.about;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import me.adsby.workbench.app.task.SameThreadTaskExecutor;
import org.junit.jupiter.api.Test;

class AboutViewModelTest {

    private final SameThreadTaskExecutor tasks = new SameThreadTaskExecutor();

    @Test
    void theRuntimeVersionIsReadInTheBackgroundOnce() {
        AtomicInteger loads = new AtomicInteger();
        AboutViewModel model = new AboutViewModel(tasks, () -> "2.18.0-" + loads.incrementAndGet());
        assertThat(model.tensorflowRuntimeProperty().get()).isEqualTo(AboutViewModel.LOADING);

        model.loadTensorflowRuntime();
        model.loadTensorflowRuntime();

        assertThat(model.tensorflowRuntimeProperty().get()).isEqualTo("2.18.0-1");
        assertThat(tasks.titles()).containsExactly("Loading TensorFlow");
    }

    @Test
    void aRuntimeThatCannotLoadSaysWhy() {
        AboutViewModel model = new AboutViewModel(tasks, () -> {
            throw new UnsatisfiedLinkError("no jnitensorflow in java.library.path");
        });

        model.loadTensorflowRuntime();

        assertThat(model.tensorflowRuntimeProperty().get())
                .isEqualTo("unavailable: no jnitensorflow in java.library.path");
    }

    @Test
    void theVersionsOfThisBuildAreKnown() {
        AboutViewModel model = new AboutViewModel(tasks, () -> "x");

        // The workbench version is filtered in from the POM at build time; "unknown" would mean it was not.
        assertThat(model.workbench()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(model.tensorflowJava()).isEqualTo("1.1.0");
        assertThat(model.java()).startsWith(Runtime.version().toString());
    }
}
