package me.adsby.workbench.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LogLinesTest {

    @Test
    void tensorflowsStartUpLinesAreHiddenAndCountedAndTheLastLinesKept() {
        List<String> log = List.of(
                "WARNING: All log messages before absl::InitializeLog() is called are written to STDERR",
                "I0000 00:00:1796178011.271081   19629 mlir_graph_optimization_pass.cc:401] MLIR V1 optimization pass is not"
                        + " enabled",
                "Split auto: 480 training and 120 validation examples; 0 bad rows skipped.",
                "Epoch 1: train_loss 0.52, val_loss 0.49",
                "Epoch 2: train_loss 0.47, val_loss 0.46");

        assertThat(LogLines.readable(log, 2)).containsExactly(
                "(2 lines of TensorFlow's own start-up messages hidden; the whole log is worker.log in the run directory)",
                "Epoch 1: train_loss 0.52, val_loss 0.49",
                "Epoch 2: train_loss 0.47, val_loss 0.46");
        assertThat(LogLines.readable(log.subList(2, 5), 10)).containsExactlyElementsOf(log.subList(2, 5));
    }
}
