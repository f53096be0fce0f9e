package me.adsby.workbench.storage.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void fractionIsDoneOverTotalAndUnknownWithoutATotal() {
        assertThat(new Progress(1, 4, "x").fraction()).isEqualTo(0.25);
        assertThat(new Progress(0, 0, "x").fraction()).isEqualTo(1.0);
        assertThat(Progress.indeterminate("x").fraction()).isEqualTo(-1.0);
        assertThatThrownBy(() -> new Progress(-1, 4, "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCancelledTokenStopsWork() {
        CancellationToken token = new CancellationToken();
        token.throwIfCancelled();

        token.cancel();

        assertThat(token.isCancelled()).isTrue();
        assertThatThrownBy(token::throwIfCancelled).isInstanceOf(CancellationException.class);
        assertThat(Cancellation.NEVER.isCancelled()).isFalse();
    }
}
