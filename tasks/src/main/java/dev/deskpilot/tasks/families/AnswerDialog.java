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
 * Answer a modal dialog with the named button (3–4 choices, e.g. Save / Don't Save / Cancel) over
 * a busy window whose own buttons cannot be reached; sometimes the instruction asks by meaning
 * ("do not save") rather than by label.
 */
public final class AnswerDialog extends BaseFamily {
    public static final String NAME = "answer-dialog";

    /** A question, its answers, and for some answers a way of asking for them without naming them. */
    private record Kind(String title, String message, List<String> answers, List<String> meanings) {}

    private static final List<Kind> KINDS = List.of(
            new Kind(
                    "Unsaved changes",
                    "Do you want to save the changes you made to %s?",
                    List.of("Save", "Don't Save", "Cancel"),
                    List.of(
                            "Keep the changes to %s",
                            "Discard the changes to %s", "Go back without deciding about %s")),
            new Kind(
                    "Delete file",
                    "Are you sure you want to permanently delete %s?",
                    List.of("Delete", "Keep", "Cancel"),
                    List.of("Go ahead and delete %s", "Keep %s", "Cancel deleting %s")),
            new Kind(
                    "Replace file",
                    "A file named %s already exists. Replace it?",
                    List.of("Replace", "Keep Both", "Skip", "Cancel"),
                    List.of("Overwrite %s", "Keep both copies of %s", "Skip %s", "Cancel copying %s")),
            new Kind(
                    "Connection lost",
                    "The upload of %s failed because the network is unreachable.",
                    List.of("Retry", "Ignore", "Abort"),
                    List.of("Try uploading %s again", "Ignore the failed upload of %s", "Abort the upload of %s")),
            new Kind(
                    "Permission request",
                    "%s wants to use your camera and microphone.",
                    List.of("Allow", "Block", "Ask Later"),
                    List.of("Let %s use the camera", "Block %s from the camera", "Decide about %s later")),
            new Kind(
                    "Update available",
                    "A new version of %s is ready to install.",
                    List.of("Install Now", "Remind Me", "Skip Version"),
                    List.of("Install the update of %s now", "Be reminded about %s later", "Skip this version of %s")),
            new Kind(
                    "Quit application",
                    "Quit %s? Any running tasks will be stopped.",
                    List.of("Quit", "Stay", "Cancel"),
                    List.of("Quit %s", "Stay in %s", "Cancel quitting %s")));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "answer a modal dialog with the right button";
    }

    @Override
    Instance make(Rng rng, long seed, Size screen) {
        Sketch s = new Sketch(rng, screen, 620, 420);
        s.chrome();
        s.heading(rng.pick(Words.TITLES));
        s.distract(rng.between(2, 5), rng.sample(Words.BUTTONS, rng.between(2, 5)));
        Kind kind = rng.pick(KINDS);
        String subject = rng.pick(Words.FILES);
        int w = Math.min(s.content.width(), rng.between(380, 560));
        int padX = rng.between(12, 24);
        int padY = rng.between(6, 10);
        List<Widget.Button> buttons = new ArrayList<>();
        List<String> answers = new ArrayList<>(kind.answers());
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            order.add(i);
        }
        if (rng.chance(0.5)) {
            rng.shuffle(order);
        }
        int buttonsWidth = order.stream()
                .mapToInt(i -> s.buttonSize(answers.get(i), padX, padY).width() + 10)
                .sum();
        w = Math.max(w, buttonsWidth + 40);
        int h = rng.between(170, 230);
        Rect box = new Rect(
                (s.window.width() - w) / 2 + rng.between(-40, 40),
                (s.window.height() - h) / 2 + rng.between(-40, 40),
                w,
                h);
        String dialogId = s.id("dialog");
        boolean right = rng.chance(0.7);
        int x = right ? box.x() + box.width() - 24 : box.x() + 20;
        int y = box.y() + box.height() - 22 - (s.fs + 2 * padY);
        List<Integer> placing = right ? order.reversed() : order;
        Widget.Button[] byAnswer = new Widget.Button[answers.size()];
        for (int i : placing) {
            Size bs = s.buttonSize(answers.get(i), padX, padY);
            int bx = right ? x - bs.width() : x;
            Widget.Button b = new Widget.Button(
                    s.id("answer"),
                    new Rect(bx, y, bs.width(), bs.height()),
                    answers.get(i),
                    i == 0 ? Widget.Emphasis.PRIMARY : Widget.Emphasis.SECONDARY,
                    Widget.Effect.COMMIT);
            buttons.add(b);
            byAnswer[i] = b;
            x = right ? bx - 10 : bx + bs.width() + 10;
        }
        s.addLoose(new Widget.Dialog(dialogId, box, kind.title(), kind.message().formatted(subject), buttons));
        int index = rng.between(0, answers.size() - 1);
        Widget.Button target = byAnswer[index];
        String q = Sketch.quote(rng, target.label());
        String instruction = rng.chance(0.3)
                ? kind.meanings().get(index).formatted(subject) + "."
                : rng.pick(
                        "Answer the dialog with " + q + ".",
                        "Click " + q + " in the dialog.",
                        "Choose " + q + " in the " + kind.title().toLowerCase(java.util.Locale.ROOT) + " dialog.",
                        "Respond " + q + " to the question.");
        return new Instance(
                NAME,
                seed,
                s.scene(rng.pick(Words.TITLES)),
                instruction,
                new Goal(Map.of(Scene.COMMITTED, target.id())),
                List.of(new PlanStep.Click(
                        target.id(), "The dialog asks a question; the answer I need is " + target.label() + ".")),
                10);
    }
}
