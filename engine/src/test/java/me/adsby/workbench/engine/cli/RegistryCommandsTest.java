package me.adsby.workbench.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import me.adsby.workbench.engine.model.ExportedModels;
import me.adsby.workbench.engine.registry.ModelCard;
import me.adsby.workbench.engine.registry.Registry;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.blob.LocalBlobStore;
import me.adsby.workbench.storage.history.RegistryAction;
import me.adsby.workbench.storage.history.RegistryAuditEntry;
import me.adsby.workbench.storage.history.RunHistory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryCommandsTest {

    @TempDir
    Path temp;

    @Test
    void listShowLabelRollbackAndArchiveWorkOnTheHomesRegistryAndAreAudited() throws Exception {
        Path home = temp.resolve("home");
        Path model = ExportedModels.multimodal(temp);
        // The default registry is <home>/registry.
        Registry registry = new Registry(new LocalBlobStore(), BlobUri.local(home.resolve("registry")), null, "ann",
                Clock.systemUTC());
        ModelCard card = ModelCard.of("run-7", null, null, null, Map.of(), null);
        registry.addVersion("ctr", model, card);
        registry.addVersion("ctr", model, card);
        registry.addVersion("ctr", model, card);
        HeadlessRun cli = new HeadlessRun(home);
        // No TF Serving reads this registry: record a poll interval of 0 so label moves need not wait for one.
        assertThat(cli.run("registry", "settings", "--config-poll-seconds", "0", "--json")).as(cli.err()).isZero();
        assertThat(cli.json().get("config_poll_seconds").asLong()).isZero();

        assertThat(cli.run("registry", "label", "ctr", "1", "production", "--json")).as(cli.err()).isZero();
        assertThat(cli.run("registry", "label", "ctr", "2", "production", "--json")).as(cli.err()).isZero();
        assertThat(cli.json().get("version").asLong()).isEqualTo(2);
        assertThat(cli.run("registry", "label", "ctr", "3", "staging")).isZero();

        assertThat(cli.run("registry", "list", "--json")).as(cli.err()).isZero();
        JsonNode listed = cli.json().get("models").get(0);
        assertThat(listed.get("name").asText()).isEqualTo("ctr");
        assertThat(listed.get("versions").toString()).isEqualTo("[1,2,3]");
        assertThat(listed.get("labels").toString()).isEqualTo("{\"production\":2,\"staging\":3}");

        assertThat(cli.run("registry", "rollback", "ctr", "--json")).as(cli.err()).isZero();
        assertThat(cli.json().get("version").asLong()).isEqualTo(1);

        assertThat(cli.run("registry", "archive", "ctr", "2", "--json")).as(cli.err()).isZero();
        assertThat(cli.json().get("archived").asBoolean()).isTrue();
        assertThat(cli.run("registry", "archive", "ctr", "3")).isEqualTo(1);
        assertThat(cli.err()).contains("labelled staging");

        assertThat(cli.run("registry", "show", "ctr", "--json")).as(cli.err()).isZero();
        JsonNode shown = cli.json();
        assertThat(shown.get("labels").toString()).isEqualTo("{\"production\":1,\"staging\":3}");
        assertThat(shown.get("served").toString()).isEqualTo("[1,3]");
        assertThat(shown.get("productionHistory").toString()).isEqualTo("[1]");
        assertThat(shown.get("versions").get(0).get("card").get("sourceRunId").asText()).isEqualTo("run-7");
        assertThat(shown.get("pending_moves")).isEmpty();
        assertThat(shown.get("config_poll_seconds").asLong()).isZero();

        // A killed publish's staging folder (a name TF Serving ignores) is listed as incomplete, then cleaned.
        java.nio.file.Path leftover = home.resolve("registry/ctr/staging-4-0a1b2c3d/variables/variables.index");
        java.nio.file.Files.createDirectories(leftover.getParent());
        java.nio.file.Files.writeString(leftover, "half");
        assertThat(cli.run("registry", "show", "ctr", "--json")).as(cli.err()).isZero();
        assertThat(cli.json().get("incomplete").toString()).isEqualTo("[4]");
        assertThat(cli.run("registry", "clean", "ctr", "--older-than-minutes", "0", "--json")).as(cli.err()).isZero();
        assertThat(cli.json().get("removed").toString()).isEqualTo("[\"staging-4-0a1b2c3d\"]");
        assertThat(home.resolve("registry/ctr/staging-4-0a1b2c3d")).doesNotExist();

        assertThat(cli.run("registry", "show", "../etc")).isEqualTo(1);
        assertThat(cli.err()).contains("is not a model name");

        try (RunHistory history = RunHistory.open(home.resolve("history"))) {
            assertThat(history.registry().audit(home.resolve("registry").toString(), "ctr"))
                    .extracting(RegistryAuditEntry::action).containsExactly(RegistryAction.LABEL, RegistryAction.LABEL,
                            RegistryAction.LABEL, RegistryAction.ROLLBACK, RegistryAction.ARCHIVE);
        }
    }
}
