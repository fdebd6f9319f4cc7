package dev.deskpilot.perception.ocr;

import dev.deskpilot.actions.Rect;
import dev.deskpilot.perception.TextLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Detection and recognition over loaded models: the stateless part of reading. */
public final class OcrEngine implements AutoCloseable {
    private final OcrModels models;
    private final Detector detector;
    private final Recognizer recognizer;

    public OcrEngine(OcrModels models) {
        this.models = models;
        this.detector = new Detector(models.detection());
        this.recognizer = new Recognizer(models.recognition(), models.classes());
    }

    /** A line read, with the box the detector gave for it (before tightening to ink). */
    public record ReadLine(TextLine line, Rect detected) {}

    /** The detected line boxes inside {@code region}. */
    public List<Rect> detect(Pixels image, Rect region) {
        return detector.detect(image, region);
    }

    /** Reads each box; boxes where nothing legible was read are left out. */
    public List<ReadLine> recognize(Pixels image, List<Rect> boxes) {
        List<Rect> crops = boxes.stream().map(b -> crop(image, b)).toList();
        List<List<Glyph>> glyphs = recognizer.recognize(image, crops);
        List<ReadLine> lines = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) {
            Optional<TextLine> line = LineBuilder.build(image, crops.get(i), glyphs.get(i));
            if (line.isPresent()) {
                lines.add(new ReadLine(line.get(), boxes.get(i)));
            }
        }
        return lines;
    }

    /**
     * The most of a recognition crop's height that text may fill. DB boxes fit small text loosely
     * but large text tightly; the recogniser, trained on crops with some margin, then drops
     * spaces and misreads letters, so tight boxes are grown until the ink fills this much.
     */
    static final double FILL = 0.65;

    /** The box the recogniser reads for a detected box: the same box, or taller when it is tight. */
    static Rect crop(Pixels image, Rect box) {
        InkProfile ink = InkProfile.of(image, box);
        if (!ink.any() || ink.height() <= FILL * box.height()) {
            return box;
        }
        double target = ink.height() / FILL;
        double centre = (ink.topRow() + ink.bottomRow() + 1) / 2.0;
        int top = Math.max(0, Math.min(box.y(), (int) Math.round(centre - target / 2)));
        int bottom = Math.min(image.height(), Math.max(Boxes.bottom(box), (int) Math.round(centre + target / 2)));
        return new Rect(box.x(), top, box.width(), Math.max(1, bottom - top));
    }

    /** Detects and reads the whole image. */
    public List<ReadLine> readAll(Pixels image) {
        if (image.uniform()) {
            return List.of();
        }
        return recognize(image, detect(image, image.bounds()));
    }

    @Override
    public void close() {
        models.close();
    }
}
