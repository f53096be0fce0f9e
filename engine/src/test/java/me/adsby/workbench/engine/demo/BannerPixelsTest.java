package me.adsby.workbench.engine.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import me.adsby.workbench.storage.work.Cancellation;
import me.adsby.workbench.storage.work.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The written PNG shows what the click model was told: its button and background colours, hence its contrast. */
class BannerPixelsTest {

    @TempDir
    Path temp;

    @Test
    void theButtonAndTheBackgroundAroundItHaveTheModelsColours() throws IOException {
        DemoDatasetGenerator generator = new DemoDatasetGenerator(40, 31);
        DemoDataset dataset = generator.write(temp.resolve("out"), ProgressListener.NONE, Cancellation.NEVER);
        List<DemoAd> ads = generator.ads();
        Set<BannerSize> sizes = EnumSet.noneOf(BannerSize.class);
        for (DemoAd ad : ads) {
            BufferedImage png = ImageIO.read(dataset.directory().resolve(ad.image()).toFile());
            PixelRect cta = ad.ctaRect();
            int middle = cta.y() + cta.height() / 2;
            // Inside the button, 2 px from its straight left and right edges at mid-height: the label is
            // clipped 3 px inside, the rounded corners do not reach mid-height.
            Rgb insideLeft = pixel(png, cta.x() + 2, middle);
            Rgb insideRight = pixel(png, cta.right() - 3, middle);
            // Outside the button, 2 px from its edges: background (the layout keeps 4 px clear around it).
            Rgb outsideLeft = pixel(png, cta.x() - 2, middle);
            Rgb outsideRight = pixel(png, cta.right() + 1, middle);
            Rgb aboveButton = pixel(png, cta.x() + cta.width() / 2, cta.y() - 2);

            assertThat(insideLeft).as(ad.adId()).isEqualTo(ad.ctaColour()).isEqualTo(insideRight);
            assertThat(outsideLeft).as(ad.adId()).isEqualTo(ad.background()).isEqualTo(outsideRight).isEqualTo(aboveButton);
            assertThat(insideLeft.contrastRatio(outsideLeft)).as(ad.adId()).isEqualTo(ad.ctaContrast());
            sizes.add(ad.bannerSize());
        }
        assertThat(sizes).as("the rows cover most layouts").hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void theRendererDrawsTheSamePixelsTwice() {
        BannerRenderer renderer = new BannerRenderer();
        for (DemoAd ad : new DemoDatasetGenerator(10, 3).ads()) {
            BufferedImage a = renderer.render(ad);
            BufferedImage b = renderer.render(ad);
            int w = a.getWidth();
            int h = a.getHeight();
            assertThat(a.getRGB(0, 0, w, h, null, 0, w)).isEqualTo(b.getRGB(0, 0, w, h, null, 0, w));
        }
    }

    private static Rgb pixel(BufferedImage image, int x, int y) {
        return Rgb.ofPacked(image.getRGB(x, y));
    }
}
