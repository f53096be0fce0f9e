package me.adsby.workbench.app.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class NotificationsTest {

    private final Notifications notifications = new Notifications(Path.of("/home/u/.workbench/logs/workbench.log"));

    @Test
    void anErrorShowsItsMessageAndKeepsTheCausesAndTheLogInTheDetails() {
        IOException cause = new IOException("/data/ads.csv: permission denied");

        notifications.error("Cannot open the dataset", new IllegalStateException("Listing failed", cause));

        Notification shown = notifications.shown().get(0);
        assertThat(shown.level()).isEqualTo(Notification.Level.ERROR);
        assertThat(shown.message()).isEqualTo("Listing failed");
        assertThat(shown.details())
                .startsWith("Listing failed: /data/ads.csv: permission denied")
                .contains("/home/u/.workbench/logs/workbench.log")
                .doesNotContain("at me.adsby");
    }

    @Test
    void onlyTheNewestFewStayOnScreen() {
        for (int i = 1; i <= Notifications.MAX_SHOWN + 2; i++) {
            notifications.info("Note " + i, "");
        }

        assertThat(notifications.shown()).hasSize(Notifications.MAX_SHOWN);
        assertThat(notifications.shown().get(0).title()).isEqualTo("Note 3");

        notifications.dismiss(notifications.shown().get(0));
        assertThat(notifications.shown()).extracting(Notification::title).doesNotContain("Note 3");
    }
}
