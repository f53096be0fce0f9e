package me.adsby.workbench.storage.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every {@link BlobStore} must do, run against each implementation. Subclasses give the store, a folder
 * to work in, and a fast way to put many objects in place.
 */
abstract class BlobStoreContractTest {

    /** The store under test. */
    protected abstract BlobStore store();

    /** An empty folder (a URI ending in "/" for GCS) that this test may fill. */
    protected abstract BlobUri root();

    /** Puts an object in place without going through the store (fast set-up of large listings). */
    protected abstract void seed(BlobUri uri, byte[] data) throws IOException;

    private BlobUri at(String relative) {
        return root().resolve(relative);
    }

    private BlobInfo put(String relative, String text, WriteCondition condition) throws IOException {
        return store().write(at(relative), bytes(text), "text/plain", condition);
    }

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private String read(BlobUri uri) throws IOException {
        try (InputStream in = store().open(uri)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private byte[] readRange(BlobUri uri, long offset, long length) throws IOException {
        try (InputStream in = store().open(uri, offset, length)) {
            return in.readAllBytes();
        }
    }

    private static List<String> names(List<BlobInfo> objects) {
        return objects.stream().map(o -> o.uri().name()).toList();
    }

    private void seedTree() throws IOException {
        seed(at("a.txt"), new byte[] {1});
        seed(at("b/c.txt"), new byte[] {2});
        seed(at("b/d/e.txt"), new byte[] {3});
        seed(at("f.txt"), new byte[] {4});
    }

    @Test
    void listsOneLevelWithFolders() throws IOException {
        seedTree();

        BlobPage page = store().list(root(), "/", 1000, null);

        assertThat(page.folders()).containsExactly(folder("b"));
        assertThat(names(page.objects())).containsExactly("a.txt", "f.txt");
        assertThat(page.objects()).extracting(BlobInfo::uri).containsExactly(at("a.txt"), at("f.txt"));
        assertThat(page.hasNext()).isFalse();
    }

    @Test
    void listsASubFolderOneLevel() throws IOException {
        seedTree();

        BlobPage page = store().list(folder("b"), "/", 1000, null);

        assertThat(page.folders()).containsExactly(folder("b/d"));
        assertThat(page.objects()).extracting(BlobInfo::uri).containsExactly(at("b/c.txt"));
    }

    @Test
    void listsEverythingBelowInNameOrderWithoutDelimiter() throws IOException {
        seedTree();

        BlobPage page = store().list(root(), null, 1000, null);

        assertThat(page.folders()).isEmpty();
        assertThat(page.objects()).extracting(BlobInfo::uri)
                .containsExactly(at("a.txt"), at("b/c.txt"), at("b/d/e.txt"), at("f.txt"));
    }

    @Test
    void listsByNamePrefix() throws IOException {
        seed(at("ad_1.csv"), new byte[1]);
        seed(at("ad_2.csv"), new byte[1]);
        seed(at("other.csv"), new byte[1]);

        BlobPage page = store().list(at("ad_"), "/", 1000, null);

        assertThat(names(page.objects())).containsExactly("ad_1.csv", "ad_2.csv");
    }

    @Test
    void paginatesOver2500ObjectsEachSeenOnceInOrder() throws IOException {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            String name = String.format("obj-%05d", i);
            expected.add(name);
            seed(at("many/" + name), new byte[] {(byte) i});
        }
        List<String> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String token = null;
        do {
            BlobPage page = store().list(folder("many"), null, 1000, token);
            pageSizes.add(page.objects().size());
            seen.addAll(names(page.objects()));
            token = page.nextPageToken();
        } while (token != null);

        // 2,500 objects at 1,000 a page: 1000 + 1000 + 500 (hand count).
        assertThat(pageSizes).containsExactly(1000, 1000, 500);
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void paginatesFoldersAndObjectsTogether() throws IOException {
        for (int f = 0; f < 5; f++) {
            for (int i = 0; i < 3; i++) {
                seed(at("mixed/dir" + f + "/file" + i), new byte[1]);
            }
        }
        for (int i = 0; i < 4; i++) {
            seed(at("mixed/top" + i), new byte[1]);
        }
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            BlobPage page = store().list(folder("mixed"), "/", 3, token);
            assertThat(page.folders().size() + page.objects().size()).isLessThanOrEqualTo(3);
            page.folders().forEach(f -> seen.add(f.name() + "/"));
            seen.addAll(names(page.objects()));
            token = page.nextPageToken();
            pages++;
        } while (token != null);

        // 5 folders + 4 top-level files = 9 entries, 3 a page: 3 pages (hand count).
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly("dir0/", "dir1/", "dir2/", "dir3/", "dir4/", "top0", "top1", "top2", "top3");
    }

    @Test
    void statsAnObjectAndNothingForAMissingOne() throws IOException {
        BlobInfo written = put("s.txt", "hello", WriteCondition.NONE);

        BlobInfo info = store().stat(at("s.txt")).orElseThrow();

        assertThat(info.uri()).isEqualTo(at("s.txt"));
        assertThat(info.size()).isEqualTo(5);
        assertThat(info.generation()).isPositive().isEqualTo(written.generation());
        assertThat(info.metageneration()).isEqualTo(1);
        assertThat(info.updated()).isNotNull();
        assertThat(store().stat(at("missing.txt"))).isEmpty();
    }

    @Test
    void readsByteRanges() throws IOException {
        byte[] data = new byte[100];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        BlobUri uri = at("range.bin");
        store().write(uri, new ByteArrayInputStream(data), null, WriteCondition.NONE);

        assertThat(readRange(uri, 0, 10)).containsExactly(Arrays.copyOfRange(data, 0, 10));
        assertThat(readRange(uri, 40, 20)).containsExactly(Arrays.copyOfRange(data, 40, 60));
        assertThat(readRange(uri, 5, -1)).containsExactly(Arrays.copyOfRange(data, 5, 100));
        assertThat(readRange(uri, 90, 50)).containsExactly(Arrays.copyOfRange(data, 90, 100));
        assertThat(readRange(uri, 100, 10)).isEmpty();
        assertThat(readRange(uri, 10, 0)).isEmpty();
        assertThat(readRange(uri, 150, -1)).isEmpty();
    }

    @Test
    void writesThenReadsBack() throws IOException {
        byte[] data = new byte[1 << 20];
        new Random(7).nextBytes(data);
        BlobUri uri = at("deep/er/blob.bin");

        BlobInfo info = store().write(uri, new ByteArrayInputStream(data), "application/octet-stream",
                WriteCondition.NONE);

        assertThat(info.size()).isEqualTo(data.length);
        try (InputStream in = store().open(uri)) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
    }

    @Test
    void overwritingChangesTheGeneration() throws IOException {
        BlobInfo first = put("o.txt", "one", WriteCondition.NONE);
        BlobInfo second = put("o.txt", "two", WriteCondition.NONE);

        assertThat(second.generation()).isNotEqualTo(first.generation());
        assertThat(read(at("o.txt"))).isEqualTo("two");
    }

    @Test
    void ifAbsentRefusesAnExistingObject() throws IOException {
        put("once.txt", "first", WriteCondition.IF_ABSENT);

        assertThatThrownBy(() -> put("once.txt", "second", WriteCondition.IF_ABSENT))
                .isInstanceOf(PreconditionFailedException.class)
                .hasMessageContaining(at("once.txt").toString());
        assertThat(read(at("once.txt"))).isEqualTo("first");
    }

    @Test
    void generationMatchLetsOneOfTwoWritersWin() throws IOException {
        long read = put("g.txt", "v1", WriteCondition.NONE).generation();

        BlobInfo writerA = put("g.txt", "from A", WriteCondition.ifGenerationMatches(read));

        assertThat(writerA.generation()).isNotEqualTo(read);
        assertThatThrownBy(() -> put("g.txt", "from B", WriteCondition.ifGenerationMatches(read)))
                .isInstanceOf(PreconditionFailedException.class)
                .hasMessageContaining(at("g.txt").toString());
        assertThat(read(at("g.txt"))).isEqualTo("from A");
    }

    @Test
    void concurrentConditionalWritersNeverBothSucceed() throws Exception {
        long read = put("race.txt", "v1", WriteCondition.NONE).generation();
        put("absent-race.txt", "x", WriteCondition.NONE);
        store().delete(at("absent-race.txt"), WriteCondition.NONE);
        int writers = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Boolean>> byGeneration = new ArrayList<>();
            List<Future<Boolean>> ifAbsent = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String text = "writer " + i;
                byGeneration.add(pool.submit(attempt(go, () -> put("race.txt", text, WriteCondition.ifGenerationMatches(read)))));
                ifAbsent.add(pool.submit(attempt(go, () -> put("absent-race.txt", text, WriteCondition.IF_ABSENT))));
            }
            go.countDown();
            assertThat(countWins(byGeneration)).isEqualTo(1);
            assertThat(countWins(ifAbsent)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Callable<Boolean> attempt(CountDownLatch go, Callable<BlobInfo> write) {
        return () -> {
            go.await();
            try {
                write.call();
                return true;
            } catch (PreconditionFailedException e) {
                return false;
            }
        };
    }

    private static long countWins(List<Future<Boolean>> results) throws Exception {
        long wins = 0;
        for (Future<Boolean> result : results) {
            wins += result.get() ? 1 : 0;
        }
        return wins;
    }

    @Test
    void deletesAndSaysWhenThereIsNothingToDelete() throws IOException {
        BlobInfo info = put("d.txt", "bye", WriteCondition.NONE);

        assertThatThrownBy(() -> store().delete(at("d.txt"), WriteCondition.ifGenerationMatches(info.generation() + 1)))
                .isInstanceOf(PreconditionFailedException.class);
        store().delete(at("d.txt"), WriteCondition.ifGenerationMatches(info.generation()));

        assertThat(store().stat(at("d.txt"))).isEmpty();
        assertThatThrownBy(() -> store().delete(at("d.txt"), WriteCondition.NONE))
                .isInstanceOf(BlobNotFoundException.class)
                .hasMessageContaining(at("d.txt").toString());
    }

    @Test
    void copiesWithTheConditionOnTheTarget() throws IOException {
        put("src.txt", "payload", WriteCondition.NONE);

        BlobInfo copied = store().copy(at("src.txt"), at("copies/dst.txt"), WriteCondition.IF_ABSENT);

        assertThat(copied.uri()).isEqualTo(at("copies/dst.txt"));
        assertThat(copied.size()).isEqualTo(7);
        assertThat(read(at("copies/dst.txt"))).isEqualTo("payload");
        assertThatThrownBy(() -> store().copy(at("src.txt"), at("copies/dst.txt"), WriteCondition.IF_ABSENT))
                .isInstanceOf(PreconditionFailedException.class);
        assertThatThrownBy(() -> store().copy(at("nope.txt"), at("copies/x.txt"), WriteCondition.NONE))
                .isInstanceOf(BlobNotFoundException.class)
                .hasMessageContaining(at("nope.txt").toString());
    }

    @Test
    void notFoundMessagesNameTheUri() {
        BlobUri missing = at("no/such/thing.bin");

        assertThatThrownBy(() -> {
            try (InputStream in = store().open(missing)) {
                in.read();
            }
        }).isInstanceOf(BlobNotFoundException.class).hasMessageContaining(missing.toString());
        assertThatThrownBy(() -> readRange(missing, 10, 5))
                .isInstanceOf(BlobNotFoundException.class).hasMessageContaining(missing.toString());
    }

    @Test
    void readsAnEmptyObject() throws IOException {
        store().write(at("empty"), new ByteArrayInputStream(new byte[0]), null, WriteCondition.NONE);

        assertThat(store().stat(at("empty")).orElseThrow().size()).isZero();
        assertThat(readRange(at("empty"), 0, -1)).isEmpty();
    }

    /** A folder URI as the store lists it: with a trailing slash. */
    private BlobUri folder(String relative) {
        BlobUri uri = at(relative);
        return new BlobUri(uri.bucket(), uri.path().endsWith("/") ? uri.path() : uri.path() + "/");
    }
}
