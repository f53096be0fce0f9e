package me.adsby.workbench.storage.gcs.testing;

import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The open resumable upload sessions of the {@link GcsTestServer}. */
final class ResumableUploads {

    /** One session: where the object goes, under which conditions, and the bytes received so far. */
    static final class Session {
        final String bucket;
        final String name;
        final String contentType;
        final Preconditions conditions;
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        StoredObject result;

        Session(String bucket, String name, String contentType, Preconditions conditions) {
            this.bucket = bucket;
            this.name = name;
            this.contentType = contentType;
            this.conditions = conditions;
        }
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    String start(Session session) {
        String id = UUID.randomUUID().toString().replace("-", "");
        sessions.put(id, session);
        return id;
    }

    Session get(String id) {
        Session session = sessions.get(id);
        if (session == null) {
            throw new GcsHttpException(404, "notFound", "No such upload session: " + id);
        }
        return session;
    }
}
