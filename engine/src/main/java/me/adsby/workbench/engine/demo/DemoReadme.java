package me.adsby.workbench.engine.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Writes the dataset's {@code README.md} from the template resource beside this class. */
final class DemoReadme {

    static final String FILE_NAME = "README.md";
    private static final String TEMPLATE = "README.template.md";

    private DemoReadme() {
    }

    static void write(Path file, long seed, DemoStatistics statistics) throws IOException {
        Files.writeString(file, render(seed, statistics), StandardCharsets.UTF_8);
    }

    static String render(long seed, DemoStatistics statistics) {
        String text = template();
        for (Map.Entry<String, String> entry : values(seed, statistics).entrySet()) {
            text = text.replace("{{" + entry.getKey() + "}}", entry.getValue());
        }
        int left = text.indexOf("{{");
        if (left >= 0) {
            throw new IllegalStateException("README template placeholder without a value at: "
                    + text.substring(left, Math.min(text.length(), left + 40)));
        }
        return text;
    }

    private static Map<String, String> values(long seed, DemoStatistics s) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("seed", Long.toString(seed));
        v.put("rows", Integer.toString(s.rows()));
        v.put("categories", list(AdvertiserCategory.values(), AdvertiserCategory::csvName));
        v.put("campaign_count", String.format(Locale.ROOT, "%02d", Campaign.COUNT));
        v.put("placements", list(Placement.values(), Placement::csvName));
        v.put("devices", list(Device.values(), Device::csvName));
        v.put("sizes", list(BannerSize.values(), BannerSize::label));
        v.put("intercept", number(ClickModel.INTERCEPT));
        v.put("placement_effects", effects(ClickModel.PLACEMENT, Placement::csvName));
        v.put("device_effects", effects(ClickModel.DEVICE, Device::csvName));
        v.put("hour_amplitude", number(ClickModel.HOUR_AMPLITUDE));
        v.put("hour_peak", Integer.toString(ClickModel.HOUR_PEAK));
        v.put("weekend", number(ClickModel.WEEKEND));
        v.put("historical_ctr", number(ClickModel.HISTORICAL_CTR));
        v.put("historical_ctr_centre", number(ClickModel.HISTORICAL_CTR_CENTRE_LOGIT));
        v.put("discount", number(ClickModel.DISCOUNT));
        v.put("log_bid", number(ClickModel.LOG_BID));
        v.put("log_bid_centre", number(ClickModel.LOG_BID_CENTRE_USD));
        v.put("long_headline", number(ClickModel.LONG_HEADLINE));
        v.put("long_headline_from", Integer.toString(ClickModel.LONG_HEADLINE_FROM));
        v.put("contrast", number(ClickModel.CONTRAST));
        v.put("contrast_mean", number(ClickModel.CONTRAST_LOG_MEAN));
        v.put("contrast_sd", number(ClickModel.CONTRAST_LOG_SD));
        v.put("area", number(ClickModel.AREA));
        v.put("area_mean", number(ClickModel.AREA_LOG_MEAN));
        v.put("area_sd", number(ClickModel.AREA_LOG_SD));
        v.put("clicks", Integer.toString(s.clicks()));
        v.put("click_rate", String.format(Locale.ROOT, "%.2f%%", 100 * s.clickRate()));
        v.put("mean_probability", String.format(Locale.ROOT, "%.4f", s.meanProbability()));
        v.put("oracle_auc", auc(s.oracleAuc()));
        v.put("tabular_auc", auc(s.tabularOracleAuc()));
        v.put("auc_gap", auc(s.oracleAuc() - s.tabularOracleAuc()));
        return v;
    }

    private static <E extends Enum<E>> String effects(Map<E, Double> effects, Function<E, String> name) {
        return effects.entrySet().stream()
                .map(e -> name.apply(e.getKey()) + " " + String.format(Locale.ROOT, "%+.2f", e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static <T> String list(T[] items, Function<T, String> name) {
        return Arrays.stream(items).map(item -> "`" + name.apply(item) + "`").collect(Collectors.joining(", "));
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String auc(double value) {
        return Double.isNaN(value) ? "n/a (needs both clicked and unclicked rows)" : String.format(Locale.ROOT, "%.4f", value);
    }

    private static String template() {
        try (InputStream in = DemoReadme.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + TEMPLATE + " beside " + DemoReadme.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
