package me.adsby.workbench.app.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import me.adsby.workbench.app.notify.Notifications;
import me.adsby.workbench.app.settings.UserSettings;
import me.adsby.workbench.app.task.SameThreadTaskExecutor;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.settings.Settings;
import me.adsby.workbench.storage.settings.SettingsStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrowserViewModelTest {

    @TempDir
    Path temp;

    private final SameThreadTaskExecutor tasks = new SameThreadTaskExecutor();
    private final FakeBucket bucket = new FakeBucket("ads");
    private final List<BlobUri> openedCsvs = new ArrayList<>();
    private final Notifications notifications = new Notifications(Path.of("workbench.log"));
    private UserSettings settings;
    private BrowserViewModel model;

    @BeforeEach
    void setUp() {
        SettingsStore store = new SettingsStore(temp.resolve("settings.json"));
        settings = new UserSettings(Settings.defaults(), store, tasks, new Notifications(temp.resolve("log")));
        model = new BrowserViewModel(tasks, uri -> bucket, settings, notifications, openedCsvs::add);
    }

    @Test
    void aBucketIsListedOneLevelWithFoldersAndRemembered() {
        bucket.add("2026/ads.csv").add("2026/images/a.png").add("2026/images/b.png").add("2026/README.md");

        model.open(BlobUri.parse("gs://ads/2026"));

        assertThat(model.folderProperty().get()).isEqualTo(BlobUri.parse("gs://ads/2026/"));
        assertThat(model.entries()).extracting(BrowserEntry::name).containsExactly("README.md", "ads.csv", "images/");
        assertThat(model.breadcrumbs()).extracting(BlobUri::toString).containsExactly("gs://ads/", "gs://ads/2026/");
        assertThat(model.completeProperty().get()).isTrue();
        assertThat(settings.current().recentLocations()).containsExactly("gs://ads/2026/");
    }

    @Test
    void pagesAreFetchedOnlyWhenAskedAndAppendedInOrder() {
        for (int i = 0; i < 2500; i++) {
            bucket.add(String.format("images/ad_%05d.png", i));
        }

        model.open(BlobUri.parse("gs://ads/images/"));
        assertThat(model.entries()).hasSize(BrowserViewModel.PAGE_SIZE);
        assertThat(model.completeProperty().get()).isFalse();
        assertThat(model.summary().get()).endsWith("so far; more load as you scroll");
        assertThat(bucket.listCalls).isEqualTo(1);

        model.loadMore();
        model.loadMore();
        model.loadMore();  // past the end: nothing more to fetch

        // 2,500 objects in pages of 1,000: three pages, the last holding 500.
        assertThat(bucket.listCalls).isEqualTo(3);
        assertThat(model.entries()).hasSize(2500);
        assertThat(model.entries().get(1000).name()).isEqualTo("ad_01000.png");
        assertThat(model.entries().get(2499).name()).isEqualTo("ad_02499.png");
        assertThat(model.completeProperty().get()).isTrue();
    }

    @Test
    void typedLocationsAreCheckedAndCsvsOpenInTheDatasetView() {
        bucket.add("2026/ads.csv");

        model.openTyped("relative/folder");
        assertThat(model.problemProperty().get()).contains("relative path");

        model.openTyped("gs://ads/2026/ads.csv");
        assertThat(model.problemProperty().get()).isEmpty();
        assertThat(model.folderProperty().get()).isEqualTo(BlobUri.parse("gs://ads/2026/"));
        assertThat(openedCsvs).containsExactly(BlobUri.parse("gs://ads/2026/ads.csv"));
    }

    @Test
    void aFailedListingShowsWhyAndKeepsWhatWasShown() {
        bucket.add("a.csv");
        model.open(BlobUri.parse("gs://ads/"));

        model.open(BlobUri.parse("gs://other/"));

        assertThat(model.problemProperty().get()).isEqualTo("gs://other: no such bucket");
        assertThat(model.folderProperty().get()).isEqualTo(BlobUri.parse("gs://ads/"));
        assertThat(model.entries()).extracting(BrowserEntry::name).containsExactly("a.csv");
        assertThat(notifications.shown()).extracting(n -> n.title() + ": " + n.message())
                .containsExactly("Listing failed: gs://other: no such bucket");
    }

    @Test
    void entriesAndUpNavigate() {
        bucket.add("2026/images/a.png").add("2026/ads.csv");
        model.open(BlobUri.parse("gs://ads/2026/"));

        model.openEntry(model.entries().get(1));  // images/
        assertThat(model.folderProperty().get()).isEqualTo(BlobUri.parse("gs://ads/2026/images/"));

        model.up();
        assertThat(model.folderProperty().get()).isEqualTo(BlobUri.parse("gs://ads/2026/"));
        model.openEntry(model.entries().get(0));  // ads.csv
        assertThat(openedCsvs).containsExactly(BlobUri.parse("gs://ads/2026/ads.csv"));
    }

    @Test
    void emptyTextSaysWhatIsGoingOn() {
        assertThat(model.emptyText().get()).isEqualTo("Choose a folder or a bucket to browse.");
        model.showNotice("Writing the demo dataset…");
        assertThat(model.emptyText().get()).isEqualTo("Writing the demo dataset…");
        model.open(BlobUri.parse("gs://ads/empty/"));
        assertThat(model.emptyText().get()).isEqualTo("This folder is empty.");
    }
}
