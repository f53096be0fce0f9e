package me.adsby.workbench.storage.gcs.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.LongSupplier;

/**
 * One bucket of the {@link GcsTestServer}: live objects in name order (no versioning). Reads need no lock;
 * every change checks its preconditions and applies under the bucket's lock, so two conditional writers never
 * both win.
 */
final class FakeBucket {

    /** One page of a listing: items and prefixes as the JSON API returns them. */
    record Listing(List<StoredObject> items, List<String> prefixes, String nextPageToken) {
    }

    private final String name;
    private final Instant created;
    private final ConcurrentSkipListMap<String, StoredObject> objects = new ConcurrentSkipListMap<>();
    private final LongSupplier generations;

    FakeBucket(String name, Instant created, LongSupplier generations) {
        this.name = name;
        this.created = created;
        this.generations = generations;
    }

    String name() {
        return name;
    }

    Instant created() {
        return created;
    }

    StoredObject get(String object) {
        return objects.get(object);
    }

    /** Stores a new generation of {@code object} if {@code conditions} hold for the current one. */
    synchronized StoredObject put(String object, byte[] data, String contentType, Preconditions conditions) {
        conditions.check(objects.get(object));
        StoredObject stored = StoredObject.create(name, object, data, generations.getAsLong(), contentType,
                Instant.now());
        objects.put(object, stored);
        return stored;
    }

    synchronized void delete(String object, Preconditions conditions) {
        StoredObject current = objects.get(object);
        if (current == null) {
            throw GcsHttpException.noSuchObject(name, object);
        }
        conditions.check(current);
        objects.remove(object);
    }

    /**
     * A page of the names that start with {@code prefix}, in name order. With a delimiter, names with the
     * delimiter after the prefix roll up into one prefix each; items and prefixes together number at most
     * {@code maxResults} (GCS's documented meaning of maxResults).
     */
    Listing list(String prefix, String delimiter, int maxResults, String pageToken) {
        String cursor = prefix;
        boolean inclusive = true;
        if (pageToken != null && !pageToken.isEmpty()) {
            String decoded = decodeToken(pageToken);
            if (decoded.startsWith("P")) {
                cursor = decoded.substring(1) + Character.MAX_VALUE;
            } else {
                cursor = decoded.substring(1);
                inclusive = false;
            }
        }
        List<StoredObject> items = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        String last = null;
        while (items.size() + prefixes.size() < maxResults) {
            Map.Entry<String, StoredObject> entry = inclusive ? objects.ceilingEntry(cursor) : objects.higherEntry(cursor);
            if (entry == null || !entry.getKey().startsWith(prefix)) {
                return new Listing(items, prefixes, null);
            }
            String key = entry.getKey();
            int cut = delimiter == null || delimiter.isEmpty() ? -1 : key.indexOf(delimiter, prefix.length());
            if (cut >= 0) {
                String rolled = key.substring(0, cut + delimiter.length());
                prefixes.add(rolled);
                last = "P" + rolled;
                cursor = rolled + Character.MAX_VALUE;
                inclusive = true;
            } else {
                items.add(entry.getValue());
                last = "O" + key;
                cursor = key;
                inclusive = false;
            }
        }
        Map.Entry<String, StoredObject> more = inclusive ? objects.ceilingEntry(cursor) : objects.higherEntry(cursor);
        boolean hasMore = more != null && more.getKey().startsWith(prefix);
        return new Listing(items, prefixes, hasMore ? encodeToken(last) : null);
    }

    int size() {
        return objects.size();
    }

    private static String encodeToken(String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeToken(String token) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (decoded.isEmpty() || (decoded.charAt(0) != 'P' && decoded.charAt(0) != 'O')) {
                throw new IllegalArgumentException("unknown position");
            }
            return decoded;
        } catch (IllegalArgumentException e) {
            throw GcsHttpException.badRequest("Invalid page token: " + token);
        }
    }
}
