package me.adsby.workbench.engine.registry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import me.adsby.workbench.storage.blob.BlobInfo;
import me.adsby.workbench.storage.blob.BlobNotFoundException;
import me.adsby.workbench.storage.blob.BlobStore;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.blob.PreconditionFailedException;
import me.adsby.workbench.storage.blob.WriteCondition;

/**
 * A model's label moves that wait for TF Serving to load their version, {@code <registry>/<model>/}{@value #FILE}:
 * written when the version joins the served set, removed when the label moves. One left behind (the process
 * that asked stopped while it waited) is shown by {@code registry show} and finished by asking again. TF Serving
 * reads only the numbered folders under a model, so it never sees this file.
 */
public record PendingMoves(List<PendingMoves.Move> moves) {

    public static final String FILE = "pending_moves.json";
    private static final int MAX_ATTEMPTS = 20;

    /**
     * One waiting move.
     *
     * @param label       the label to move
     * @param version     the version it is to point at
     * @param action      {@code label}, {@code override} or {@code rollback}
     * @param requestedBy who asked
     * @param requestedAt when
     * @param movesAfter  the earliest time it moves without a serving URL: the config poll interval after the
     *                    version joined the served set
     */
    public record Move(String label, long version, String action, String requestedBy, Instant requestedAt,
            Instant movesAfter) {
    }

    public PendingMoves {
        moves = moves == null ? List.of() : List.copyOf(moves);
    }

    /** The model's pending moves; none when it has no file. */
    static PendingMoves read(BlobStore store, BlobUri modelUri) throws IOException {
        try (InputStream in = store.open(modelUri.resolve(FILE))) {
            return RegistryJson.MAPPER.readValue(in, PendingMoves.class);
        } catch (BlobNotFoundException e) {
            return new PendingMoves(List.of());
        }
    }

    /** Records the move, replacing a pending move of the same label. */
    static void put(BlobStore store, BlobUri modelUri, Move move) throws IOException {
        update(store, modelUri, move.label(), move);
    }

    /** Forgets the label's pending move, if any. */
    static void remove(BlobStore store, BlobUri modelUri, String label) throws IOException {
        update(store, modelUri, label, null);
    }

    private static void update(BlobStore store, BlobUri modelUri, String label, Move move) throws IOException {
        BlobUri uri = modelUri.resolve(FILE);
        for (int attempt = 1; ; attempt++) {
            Optional<BlobInfo> info = store.stat(uri);
            List<Move> next = new ArrayList<>(info.isEmpty() ? List.of() : read(store, modelUri).moves());
            next.removeIf(m -> m.label().equals(label));
            if (move != null) {
                next.add(move);
            }
            WriteCondition condition = info.isEmpty() ? WriteCondition.IF_ABSENT
                    : WriteCondition.ifGenerationMatches(info.get().generation());
            try {
                store.write(uri, new ByteArrayInputStream(RegistryJson.MAPPER.writeValueAsBytes(new PendingMoves(next))),
                        "application/json", condition);
                return;
            } catch (PreconditionFailedException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw new IOException(uri + " kept changing under this update; try again", e);
                }
            }
        }
    }
}
