package dev.deskpilot.agent.report;

import dev.deskpilot.actions.Size;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * An animated GIF of a run, for attaching to a CI job: one frame per step, the step's actions
 * drawn on it (as in the HTML report), a caption with the step number and action text, the last
 * frame held longer with the run's status, and the animation looping forever. Frames wider than
 * {@link #MAX_WIDTH} are scaled down to keep the file small. Written with the JDK's own GIF writer.
 */
final class RunGif {
    /** Frames are scaled to at most this width. */
    static final int MAX_WIDTH = 800;

    /** How long each step is shown, in hundredths of a second (GIF's unit). */
    static final int STEP_DELAY = 120;

    /** How long the last step is shown before the loop starts again. */
    static final int LAST_DELAY = 400;

    private static final String GIF_IMAGE_METADATA = "javax_imageio_gif_image_1.0";

    private RunGif() {}

    /**
     * Writes the run's GIF to {@code file}, atomically.
     *
     * @throws IOException if the run has no readable frame, or the file cannot be written
     */
    static void write(RunView run, Path file) throws IOException {
        List<BufferedImage> frames = new ArrayList<>();
        List<StepView> steps = run.steps();
        for (int i = 0; i < steps.size(); i++) {
            StepView step = steps.get(i);
            Path framePath = run.dir().resolve(step.frame());
            if (step.frame().isEmpty() || !Files.isRegularFile(framePath)) {
                continue;
            }
            BufferedImage image = ImageIO.read(framePath.toFile());
            if (image == null) {
                continue;
            }
            Size screen = run.screen().orElse(new Size(image.getWidth(), image.getHeight()));
            List<ScreenAction> actions = ScreenAction.parse(step.screenActions(), screen);
            String caption = "step " + step.step() + "/" + steps.size() + "  "
                    + actions.stream().map(ScreenAction::shortText).collect(Collectors.joining("  "));
            if (i == steps.size() - 1) {
                caption += "  →  " + run.status() + (run.passed() ? ", passed" : ", not passed");
            }
            frames.add(frame(image, actions, screen, caption));
        }
        if (frames.isEmpty()) {
            throw new IOException("no readable frame in " + run.dir() + ", so no GIF");
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("gif");
        if (!writers.hasNext()) {
            throw new IOException("this JDK has no GIF writer");
        }
        ImageWriter writer = writers.next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(tmp.toFile())) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (int i = 0; i < frames.size(); i++) {
                BufferedImage frame = frames.get(i);
                IIOMetadata meta = metadata(writer, frame, i == frames.size() - 1 ? LAST_DELAY : STEP_DELAY, i == 0);
                writer.writeToSequence(new IIOImage(frame, null, meta), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The frame scaled to at most {@link #MAX_WIDTH}, marks drawn, caption strip below. */
    private static BufferedImage frame(BufferedImage image, List<ScreenAction> actions, Size screen, String caption) {
        double scale = Math.min(1.0, MAX_WIDTH / (double) image.getWidth());
        int width = (int) Math.round(image.getWidth() * scale);
        int height = (int) Math.round(image.getHeight() * scale);
        int strip = 26;
        BufferedImage out = new BufferedImage(width, height + strip, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.drawImage(image, 0, 0, width, height, null);
            MarkPainter.paint(g, actions, screen, width, height);
            g.setColor(new Color(0x20, 0x24, 0x2b));
            g.fillRect(0, height, width, strip);
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
            FontMetrics fm = g.getFontMetrics();
            g.drawString(fit(caption, fm, width - 16), 8, height + (strip + fm.getAscent() - fm.getDescent()) / 2);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static String fit(String text, FontMetrics fm, int width) {
        if (fm.stringWidth(text) <= width) {
            return text;
        }
        String cut = text;
        while (!cut.isEmpty() && fm.stringWidth(cut + "…") > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "…";
    }

    /** Per-frame GIF metadata: the delay, and on the first frame the loop-forever extension. */
    private static IIOMetadata metadata(ImageWriter writer, BufferedImage frame, int delay, boolean first)
            throws IOException {
        IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame), null);
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(GIF_IMAGE_METADATA);
        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", Integer.toString(delay));
        control.setAttribute("transparentColorIndex", "0");
        if (first) {
            // The NETSCAPE2.0 application extension with loop count 0: browsers loop the GIF forever.
            IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
            loop.setAttribute("applicationID", "NETSCAPE");
            loop.setAttribute("authenticationCode", "2.0");
            loop.setUserObject(new byte[] {1, 0, 0});
            child(root, "ApplicationExtensions").appendChild(loop);
        }
        meta.setFromTree(GIF_IMAGE_METADATA, root);
        return meta;
    }

    private static IIOMetadataNode child(IIOMetadataNode parent, String name) {
        for (int i = 0; i < parent.getLength(); i++) {
            if (parent.item(i) instanceof IIOMetadataNode node
                    && node.getNodeName().equals(name)) {
                return node;
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        parent.appendChild(node);
        return node;
    }
}
