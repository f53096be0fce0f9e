package me.adsby.workbench.engine.demo;

/**
 * A rectangle of whole pixels in a banner: columns {@code x .. x+width-1}, rows {@code y .. y+height-1}.
 */
public record PixelRect(int x, int y, int width, int height) {

    public PixelRect {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("width and height must be >= 1, were " + width + "x" + height);
        }
    }

    public int area() {
        return width * height;
    }

    public int right() {
        return x + width;
    }

    public int bottom() {
        return y + height;
    }

    public boolean contains(int px, int py) {
        return px >= x && px < right() && py >= y && py < bottom();
    }
}
