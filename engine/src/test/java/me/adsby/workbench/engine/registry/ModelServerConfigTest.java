package me.adsby.workbench.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ModelServerConfigTest {

    private static final ModelServerConfig TWO_MODELS = new ModelServerConfig(List.of(
            new ModelConfig("ctr", "gs://b/registry/ctr", new TreeSet<>(List.of(4L, 3L)),
                    new TreeMap<>(Map.of("production", 3L, "staging", 4L))),
            new ModelConfig("banner-ctr_2", "/srv/registry/banner-ctr_2", new TreeSet<>(List.of(1L)), new TreeMap<>())));

    @Test
    void whatIsWrittenParsesBackToTheSameConfigInTfServingsTextFormat() {
        String text = TWO_MODELS.toText();

        assertThat(ModelServerConfig.parse(text, "models.config")).isEqualTo(TWO_MODELS);
        // The text TF Serving reads, models in name order, versions ascending, labels by name.
        assertThat(text).isEqualTo("""
                model_config_list {
                  config {
                    name: "banner-ctr_2"
                    base_path: "/srv/registry/banner-ctr_2"
                    model_platform: "tensorflow"
                    model_version_policy {
                      specific {
                        versions: 1
                      }
                    }
                  }
                  config {
                    name: "ctr"
                    base_path: "gs://b/registry/ctr"
                    model_platform: "tensorflow"
                    model_version_policy {
                      specific {
                        versions: 3
                        versions: 4
                      }
                    }
                    version_labels {
                      key: "production"
                      value: 3
                    }
                    version_labels {
                      key: "staging"
                      value: 4
                    }
                  }
                }
                """);
    }

    @Test
    void theSubsetIsReadOnOneLineWithCommentsAndAnEmptyFileIsAnEmptyConfig() {
        String oneLine = "# written by hand\nmodel_config_list { config { model_platform: \"tensorflow\" name: \"ctr\""
                + " base_path: \"/r/ctr\" model_version_policy { specific { versions: 2 } }"
                + " version_labels { key: \"production\" value: 2 } } }\n";
        ModelServerConfig config = ModelServerConfig.parse(oneLine, "m");
        assertThat(config.model("ctr").orElseThrow().labels()).isEqualTo(Map.of("production", 2L));
        assertThat(ModelServerConfig.parse("\n# nothing yet\n", "m")).isEqualTo(ModelServerConfig.EMPTY);
    }

    @Test
    void anythingOutsideTheSubsetIsRefusedNamingItsLine() {
        String good = TWO_MODELS.toText();
        // Line 4 holds the first config's base_path.
        assertRefused(good.replace("base_path: \"/srv", "base_dir: \"/srv"), "models.config:4: unknown field 'base_dir'");
        // An unknown policy (line 7 is the first "specific {").
        assertRefused(good.replaceFirst("specific \\{", "latest {"), "models.config:7: expected specific, found 'latest'");
        assertRefused(good.replaceFirst("versions: 1", "versions: one"), "models.config:8: expected a version number");
        assertRefused(good.replace("model_platform: \"tensorflow\"", "model_platform: \"pytorch\""),
                "models.config:3: model_platform \"pytorch\" is not \"tensorflow\"");
        // A label on a version that is not served (a config's errors name its first field's line: 13 for ctr).
        assertRefused(good.replace("value: 4", "value: 5"), "models.config:13: Model ctr: label staging points at version 5");
        assertRefused(good.substring(0, good.length() - 2), "models.config:31: the file ends early");
        assertRefused(good + "extra", "models.config:32: expected the end of the file");
        assertRefused(good.replace("name: \"ctr\"", "name: \"../ctr\""), "models.config:13: '../ctr' is not a model name");
        assertRefused(good.replace("name: \"ctr\"", "name: \"ctr"), "models.config:13: a string is not closed");
        assertRefused(good.replace("versions: 4", "versions: 3"), "models.config:19: a version is listed twice");
    }

    private static void assertRefused(String text, String message) {
        assertThatThrownBy(() -> ModelServerConfig.parse(text, "models.config"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(message);
    }
}
