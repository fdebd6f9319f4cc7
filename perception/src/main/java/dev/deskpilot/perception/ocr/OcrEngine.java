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

    /**
     * Blank gaps at least this many times the text's height split a detected line in two. DB joins
     * neighbouring labels into one line; read as one, the recogniser drops spaces in it
     * ("Freespace: 18GB 3itemsselected"), read apart it does not. Gaps inside words are at most
     * 0.4 em and word spaces rarely reach 1 em, so a split almost always falls between phrases.
     */
    static final double PHRASE_GAP = 1.0;

    /** The boxes of the text lines (phrases) inside {@code region}. */
    public List<Rect> detect(Pixels image, Rect region) {
        List<Rect> phrases = new ArrayList<>();
        for (Rect box : detector.detect(image, region)) {
            phrases.addAll(splitAtWideGaps(image, box));
        }
        return phrases;
    }

    /** The box cut at the middle of every blank column run wider than {@link #PHRASE_GAP} em. */
    static List<Rect> splitAtWideGaps(Pixels image, Rect box) {
        InkProfile ink = InkProfile.of(image, box);
        if (!ink.any()) {
            return List.of(box);
        }
        int[] columns = ink.columnInk();
        int first = 0;
        while (columns[first] == 0) {
            first++;
        }
        int last = columns.length - 1;
        while (columns[last] == 0) {
            last--;
        }
        double minGap = PHRASE_GAP * ink.height();
        List<Rect> pieces = new ArrayList<>();
        int pieceStart = 0;
        for (int c = first; c <= last; ) {
            if (columns[c] != 0) {
                c++;
                continue;
            }
            int gapStart = c;
            while (columns[c] == 0) {
                c++;
            }
            if (c - gapStart >= minGap) {
                int cut = (gapStart + c) / 2;
                pieces.add(new Rect(box.x() + pieceStart, box.y(), cut - pieceStart, box.height()));
                pieceStart = cut;
            }
        }
        pieces.add(new Rect(box.x() + pieceStart, box.y(), box.width() - pieceStart, box.height()));
        return pieces;
    }

    /** Reads each box; boxes where nothing legible was read are left out. */
    public List<ReadLine> recognize(Pixels image, List<Rect> boxes) {
        List<Rect> crops = boxes.stream().map(b -> crop(image, b)).toList();
        List<List<Glyph>> glyphs = recognizer.recognize(withoutRules(image, crops), crops);
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
        Rect inside = InkProfile.of(image, box).insideBorders();
        Rect grown = grow(image, inside);
        // Growing may take in the frame of an input or a button around a detection inside it.
        return grown.equals(inside) ? inside : InkProfile.of(image, grown).insideBorders();
    }

    /** The box, taller when its text fills more than {@link #FILL} of it. */
    private static Rect grow(Pixels image, Rect box) {
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

    /**
     * The image with underlines in {@code crops} painted over (see {@link InkProfile#eraseRules}),
     * or the image itself when there are none; a copy of a 1280x800 screen costs about a
     * millisecond.
     */
    private static Pixels withoutRules(Pixels image, List<Rect> crops) {
        int[] copy = null;
        for (Rect crop : crops) {
            InkProfile ink = InkProfile.of(image, crop);
            if (ink.anyRuled()) {
                if (copy == null) {
                    copy = image.rgb().clone();
                }
                ink.eraseRules(copy);
            }
        }
        return copy == null ? image : new Pixels(image.width(), image.height(), copy);
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
