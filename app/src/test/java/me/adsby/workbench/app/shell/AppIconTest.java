package me.adsby.workbench.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppIconTest {

    @TempDir
    Path folder;

    @Test
    void theIconIsDrawnNotBlank() {
        BufferedImage image = AppIcon.paint(64);
        int corner = image.getRGB(0, 0) >>> 24;
        int tile = image.getRGB(10, 50);
        int curve = image.getRGB(14, 30);
        assertThat(corner).as("transparent corner").isZero();
        assertThat(tile >>> 24).as("opaque tile").isEqualTo(255);
        assertThat(image.getRGB(32, 32)).isNotEqualTo(tile);
        assertThat(curve).isNotEqualTo(0);
    }

    @Test
    void writesPngIcoAndIcns() throws IOException {
        AppIcon.main(new String[] {folder.toString()});

        BufferedImage png = ImageIO.read(folder.resolve("workbench.png").toFile());
        assertThat(png.getWidth()).isEqualTo(512);

        ByteBuffer ico = ByteBuffer.wrap(Files.readAllBytes(folder.resolve("workbench.ico"))).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(ico.getShort(2)).as("icon type").isEqualTo((short) 1);
        assertThat(ico.getShort(4)).as("images").isEqualTo((short) 6);
        int size = ico.getInt(6 + 8);
        int offset = ico.getInt(6 + 12);
        BufferedImage first = ImageIO.read(new ByteArrayInputStream(ico.array(), offset, size));
        assertThat(first.getWidth()).isEqualTo(16);

        byte[] icns = Files.readAllBytes(folder.resolve("workbench.icns"));
        ByteBuffer mac = ByteBuffer.wrap(icns).order(ByteOrder.BIG_ENDIAN);
        assertThat(new String(icns, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("icns");
        assertThat(mac.getInt(4)).isEqualTo(icns.length);
        assertThat(new String(icns, 8, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("ic07");
    }
}
