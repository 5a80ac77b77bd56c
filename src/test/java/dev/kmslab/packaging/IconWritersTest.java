package dev.kmslab.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The .ico (Windows) and .icns (macOS) icons made from {@code assets/icons}: each is read back by its layout, every
 * embedded PNG is decoded with ImageIO and has the size its entry says.
 */
class IconWritersTest {

    private static final Path ICONS = Path.of("assets/icons");
    private static final Map<String, Integer> ICNS_SIZES = Map.of("icp4", 16, "icp5", 32, "ic11", 32, "ic12", 64,
            "ic07", 128, "ic08", 256, "ic13", 256);

    @TempDir
    Path dir;

    @Test
    void committedIcons_areReadSmallestFirst() {
        assertThat(AppIcons.read(ICONS)).extracting(IconImage::size).containsExactly(16, 32, 64, 128, 256);
    }

    @Test
    void ico_roundTrip_everyEntryAPngOfItsSize() throws IOException {
        byte[] ico = IcoWriter.write(AppIcons.read(ICONS));

        ByteBuffer in = ByteBuffer.wrap(ico).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(in.getShort()).isZero();
        assertThat(in.getShort()).isEqualTo((short) 1);
        int count = in.getShort();
        assertThat(count).isEqualTo(5);
        List<Integer> sizes = new ArrayList<>();
        int expectedOffset = 6 + 16 * count;
        for (int i = 0; i < count; i++) {
            int width = Byte.toUnsignedInt(in.get());
            int height = Byte.toUnsignedInt(in.get());
            assertThat(in.get()).as("colour count").isZero();
            assertThat(in.get()).as("reserved").isZero();
            assertThat(in.getShort()).as("planes").isEqualTo((short) 1);
            assertThat(in.getShort()).as("bits per pixel").isEqualTo((short) 32);
            int length = in.getInt();
            int offset = in.getInt();
            assertThat(offset).isEqualTo(expectedOffset);
            expectedOffset += length;
            int side = width == 0 ? 256 : width;
            assertThat(height).isEqualTo(width);
            BufferedImage image = decode(Arrays.copyOfRange(ico, offset, offset + length));
            assertThat(image.getWidth()).isEqualTo(side);
            assertThat(image.getHeight()).isEqualTo(side);
            sizes.add(side);
        }
        assertThat(expectedOffset).as("the PNGs end the file").isEqualTo(ico.length);
        assertThat(sizes).containsExactly(16, 32, 64, 128, 256);
        assertThat(ico[6 + 16 * 4]).as("256 is written as 0").isZero();
    }

    @Test
    void icns_roundTrip_everyEntryAPngOfItsTypesSize() throws IOException {
        byte[] icns = IcnsWriter.write(AppIcons.read(ICONS));

        ByteBuffer in = ByteBuffer.wrap(icns);
        assertThat(ascii(icns, 0)).isEqualTo("icns");
        in.position(4);
        assertThat(in.getInt()).as("file length").isEqualTo(icns.length);
        List<String> types = new ArrayList<>();
        int at = 8;
        while (at < icns.length) {
            String type = ascii(icns, at);
            int length = ByteBuffer.wrap(icns, at + 4, 4).getInt();
            assertThat(length).as(type + " length counts its 8-byte header").isGreaterThan(8);
            BufferedImage image = decode(Arrays.copyOfRange(icns, at + 8, at + length));
            assertThat(image.getWidth()).as(type).isEqualTo(ICNS_SIZES.get(type));
            assertThat(image.getHeight()).as(type).isEqualTo(ICNS_SIZES.get(type));
            types.add(type);
            at += length;
        }
        assertThat(at).isEqualTo(icns.length);
        assertThat(types).containsExactly("icp4", "icp5", "ic11", "ic12", "ic07", "ic08", "ic13");
    }

    @Test
    void appIcons_writeTheFormatTheFileNameSays() throws IOException {
        Path icns = dir.resolve("icons/kms-lab.icns");
        Path ico = dir.resolve("icons/kms-lab.ico");

        AppIcons.write(ICONS, icns);
        AppIcons.write(ICONS, ico);

        assertThat(Files.readAllBytes(icns)).isEqualTo(IcnsWriter.write(AppIcons.read(ICONS)));
        assertThat(Files.readAllBytes(ico)).isEqualTo(IcoWriter.write(AppIcons.read(ICONS)));
        try (var left = Files.list(dir.resolve("icons"))) {
            assertThat(left.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("kms-lab.icns",
                    "kms-lab.ico");
        }
    }

    @Test
    void iconNamedForOneSizeButDrawnAtAnother_isRefused() throws IOException {
        Path wrong = dir.resolve("kmslab-32.png");
        Files.write(wrong, png(16, 16));

        assertThatThrownBy(() -> AppIcons.read(dir))
                .isInstanceOf(PackagingException.class)
                .hasMessage(wrong + ": named for 32 pixels but 16 wide");
    }

    @Test
    void notSquare_notPng_orSizesTheFormatsCannotHold_areRefused() throws IOException {
        assertThatThrownBy(() -> IconImage.of("wide.png", png(32, 16)))
                .isInstanceOf(PackagingException.class)
                .hasMessage("wide.png: an icon must be square, this PNG is 32x16");
        assertThatThrownBy(() -> IconImage.of("text.png", "not a png at all, clearly".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("text.png: not a PNG file");
        IconImage big = IconImage.of("big.png", png(300, 300));
        assertThatThrownBy(() -> IcoWriter.write(List.of(big)))
                .hasMessage("an .ico image is 1 to 256 pixels wide, not 300");
        assertThatThrownBy(() -> IcnsWriter.write(List.of(big)))
                .hasMessage("an .icns holds PNGs of 16, 32, 64, 128, 256, 512 or 1024 pixels, not 300");
        assertThatThrownBy(() -> AppIcons.read(dir)).hasMessage("no kmslab-N.png icons in " + dir);
    }

    private static BufferedImage decode(byte[] png) throws IOException {
        assertThat(Arrays.copyOf(png, 4)).isEqualTo(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).as("ImageIO decodes the entry").isNotNull();
        return image;
    }

    private static byte[] png(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB), "png", out);
        return out.toByteArray();
    }

    private static String ascii(byte[] bytes, int at) {
        return new String(bytes, at, 4, StandardCharsets.US_ASCII);
    }
}
