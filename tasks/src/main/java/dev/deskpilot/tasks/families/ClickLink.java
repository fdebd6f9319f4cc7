package dev.deskpilot.tasks.families;

import dev.deskpilot.actions.Rect;
import dev.deskpilot.actions.Size;
import dev.deskpilot.tasks.env.Goal;
import dev.deskpilot.tasks.env.Instance;
import dev.deskpilot.tasks.env.PlanStep;
import dev.deskpilot.tasks.env.Scene;
import dev.deskpilot.tasks.env.Widget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Click a named link inside running text: one to three paragraphs with 3–8 links among filler
 * sentences, sometimes beside buttons. Every link and button ends the task.
 */
public final class ClickLink extends BaseFamily {
    public static final String NAME = "click-link";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "click the link with the given text inside paragraphs of text";
    }

    @Override
    Instance make(Rng rng, long seed, Size screen) {
        Sketch s = new Sketch(rng, screen, 600, 420);
        s.chrome();
        if (rng.chance(0.7)) {
            s.heading(rng.pick(Words.TITLES));
        }
        List<String> topics = rng.sample(Words.TOPICS, rng.between(3, 8));
        int paragraphs = rng.between(1, 3);
        int size = Math.max(11, s.fs - rng.between(0, 2));
        int width = Math.min(s.content.width(), rng.between(320, 720));
        int lineHeight = s.textHeight(size) + Math.max(2, size / 3);
        List<String> linkIds = new ArrayList<>();
        int topic = 0;
        int y = s.content.y() + rng.between(40, 70);
        for (int p = 0; p < paragraphs && topic < topics.size(); p++) {
            List<Widget.Span> spans = new ArrayList<>();
            int links = p == paragraphs - 1 ? topics.size() - topic : rng.between(1, topics.size() - topic);
            for (int k = 0; k < links; k++) {
                spans.add(new Widget.Span(rng.pick(Words.FILLER) + " See", ""));
                String id = s.id("link");
                spans.add(new Widget.Span(topics.get(topic++), id));
                linkIds.add(id);
                if (rng.chance(0.6)) {
                    spans.add(new Widget.Span(
                            rng.pick("for details.", "to learn more.", "if you are curious.", "too."), ""));
                }
            }
            int chars = spans.stream().mapToInt(sp -> sp.text().length() + 1).sum();
            int estimatedLines = 2 + chars * s.textWidth("abcdefghij", size, false) / 10 / width;
            Rect r = new Rect(
                    s.content.x() + rng.between(0, Math.max(0, s.content.width() - width)),
                    y,
                    width,
                    (estimatedLines * 3 / 2 + 2) * lineHeight);
            s.add(new Widget.Paragraph(s.id("paragraph"), r, spans, size));
            y += r.height() + rng.between(10, 30);
        }
        s.distract(rng.between(0, 2), rng.sample(Words.BUTTONS, rng.between(0, 3)));
        int index = rng.between(0, linkIds.size() - 1);
        String target = linkIds.get(index);
        String text = topics.get(index);
        String q = Sketch.quote(rng, text);
        String instruction = rng.pick(
                "Click the link " + q + ".",
                "Follow the " + q + " link.",
                "Open the link that says " + q + ".",
                "Click on " + q + " in the text.");
        return new Instance(
                NAME,
                seed,
                s.scene(rng.pick(Words.TITLES)),
                instruction,
                new Goal(Map.of(Scene.COMMITTED, target)),
                List.of(new PlanStep.Click(target, "The " + text + " link is in the text; I click it.")),
                10);
    }
}
