package dev.deskpilot.agent;

import dev.deskpilot.actions.Action;
import dev.deskpilot.actions.Point;
import dev.deskpilot.actions.Size;
import dev.deskpilot.perception.Frame;
import dev.deskpilot.perception.ScreenText;
import dev.deskpilot.perception.TextMatch;
import dev.deskpilot.perception.TextNotFoundException;
import dev.deskpilot.perception.TextReader;
import dev.deskpilot.policy.ActionGrammar;
import dev.deskpilot.policy.ActionSyntaxException;
import dev.deskpilot.policy.CoordinateConvention;
import dev.deskpilot.policy.Decision;
import dev.deskpilot.policy.Observation;
import dev.deskpilot.policy.Policy;
import dev.deskpilot.policy.PolicyException;
import dev.deskpilot.policy.Reply;
import dev.deskpilot.policy.ScriptStep;
import dev.deskpilot.tasks.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A policy that plays a task's scripted {@link Step steps}, one per decision: action steps as they
 * are written, and text steps resolved against the screenshot the agent just took, with a {@link
 * TextReader} (the same pixels the agent sees). So {@code {"click": "Submit"}} becomes {@code
 * click(start_box='(104,220)')} at the centre of the matched words, recorded like any other action
 * with the step in the thought ({@code Thought: click on text 'Submit' at (104,220)}).
 *
 * <p>A wait step looks at each frame it is shown: while its condition does not hold it answers
 * {@code wait()} (the executor pauses, the agent looks again: one step per look), and once it holds
 * the script goes on to the next step on the same frame, so a wait that holds at once costs no
 * step. A text that is not found, or a wait that runs out, fails the decision with a {@link
 * PolicyException} whose one-line message names the step and the nearest texts on screen.
 *
 * <pre>{@code
 * try (ScriptPolicy policy = ScriptPolicy.of(
 *         Step.click("Your full name"),
 *         Step.action("type(content='Ada Lovelace')"),
 *         Step.click("Submit"),
 *         Step.waitFor("Submitted: Ada Lovelace"),
 *         Step.action("finished(content='Submitted')"))) {
 *     new Agent(screen, policy, executor, settings).run(instruction, folder);
 * }
 * }</pre>
 *
 * <p>A script is used up as it runs: it serves each step once, in order. Not for use by several
 * threads.
 */
public final class ScriptPolicy implements Policy, AutoCloseable {
    private final List<Step> steps;
    private final Optional<TextReader> sharedReader;
    private Optional<TextReader> ownReader = Optional.empty();
    private int next;
    /** When the current wait step was first looked at ({@link System#nanoTime}); empty outside waits. */
    private Optional<Long> waitingSince = Optional.empty();

    private ScriptPolicy(List<Step> steps, Optional<TextReader> reader) {
        this.steps = List.copyOf(steps);
        this.sharedReader = reader;
        if (this.steps.isEmpty()) {
            throw new IllegalArgumentException("a script needs at least one step");
        }
        for (int i = 0; i < this.steps.size(); i++) {
            if (this.steps.get(i) instanceof Step.Act act) {
                try {
                    ScriptStep.check(act.action());
                } catch (ActionSyntaxException e) {
                    throw new IllegalArgumentException("script step " + (i + 1) + ": " + e.getMessage(), e);
                }
            }
        }
    }

    /**
     * A policy that plays {@code steps}, opening its own {@link TextReader} at the first text step
     * (a few hundred milliseconds); {@link #close()} closes it.
     *
     * @throws IllegalArgumentException naming the first action step (1-based) that does not parse
     */
    public ScriptPolicy(List<Step> steps) {
        this(steps, Optional.empty());
    }

    /**
     * A policy that plays {@code steps} and reads the screen with {@code reader}, which stays the
     * caller's to close.
     *
     * @throws IllegalArgumentException naming the first action step (1-based) that does not parse
     */
    public ScriptPolicy(List<Step> steps, TextReader reader) {
        this(steps, Optional.of(Objects.requireNonNull(reader, "reader")));
    }

    /** A policy that plays {@code steps}; see {@link #ScriptPolicy(List)}. */
    public static ScriptPolicy of(Step... steps) {
        return new ScriptPolicy(List.of(steps));
    }

    /** How many steps the script has. */
    public int size() {
        return steps.size();
    }

    /**
     * The next step's decision on {@code observation.frame()}: an action step as written, a text
     * step resolved on the frame; waits that hold are passed over on the same frame.
     *
     * @throws PolicyException when the script is used up, a text is not on the frame, a wait ran out
     *     of time, or the screen could not be read; the message is one line and starts with {@code
     *     script step N: }
     */
    @Override
    public Decision decide(Observation observation) throws PolicyException {
        Objects.requireNonNull(observation, "observation");
        Frame frame = observation.frame();
        List<String> passed = new ArrayList<>();
        Optional<ScreenText> text = Optional.empty();
        while (true) {
            if (next >= steps.size()) {
                throw new PolicyException("script has no step " + (next + 1) + " (it has " + steps.size() + " steps)");
            }
            Step step = steps.get(next);
            int number = next + 1;
            if (!(step instanceof Step.Act) && text.isEmpty()) {
                text = Optional.of(read(frame, number));
            }
            switch (step) {
                case Step.Act act -> {
                    next++;
                    return act(act, number, frame.size(), passed);
                }
                case Step.ClickText click -> {
                    TextMatch match = find(text.orElseThrow(), click, number);
                    next++;
                    Point at = match.center();
                    Action action = switch (click.kind()) {
                        case CLICK -> new Action.Click(at);
                        case DOUBLE_CLICK -> new Action.DoubleClick(at);
                        case RIGHT_CLICK -> new Action.RightClick(at);
                    };
                    return decision(passed, step.describe() + ": " + match.describe(), action, frame.size());
                }
                case Step.WaitForText wait -> {
                    ScreenText screen = text.orElseThrow();
                    if (screen.shows(wait.target())) {
                        passed.add(wait.target().describe() + " is on screen");
                        endWait();
                        continue;
                    }
                    Duration waited = waited(wait.timeout(), number, () -> {
                        try {
                            screen.find(wait.target());
                            return "";
                        } catch (TextNotFoundException e) {
                            return e.getMessage();
                        }
                    });
                    return decision(
                            passed,
                            step.describe() + ": not on screen yet after " + seconds(waited),
                            new Action.Wait(),
                            frame.size());
                }
                case Step.WaitUntilGone wait -> {
                    ScreenText screen = text.orElseThrow();
                    List<TextMatch> still = screen.findAll(wait.target());
                    if (still.isEmpty()) {
                        passed.add(wait.target().describe() + " is gone");
                        endWait();
                        continue;
                    }
                    String where =
                            still.stream().limit(3).map(TextMatch::describe).collect(Collectors.joining(", "));
                    Duration waited = waited(
                            wait.timeout(), number, () -> wait.target().describe() + " is still visible: " + where);
                    return decision(
                            passed,
                            step.describe() + ": still visible after " + seconds(waited) + ": " + where,
                            new Action.Wait(),
                            frame.size());
                }
            }
        }
    }

    /** Releases the text reader this policy opened, if any. */
    @Override
    public void close() {
        ownReader.ifPresent(TextReader::close);
        ownReader = Optional.empty();
    }

    private Decision act(Step.Act act, int number, Size frame, List<String> passed) throws PolicyException {
        Reply reply;
        try {
            reply = ScriptStep.read(act.action(), frame);
        } catch (ActionSyntaxException e) {
            throw new ActionSyntaxException("script step " + number + ": " + e.getMessage(), e);
        }
        if (passed.isEmpty()) {
            return new Decision(act.action(), reply.thought(), reply.actions(), frame);
        }
        String thought = String.join("; ", passed) + (reply.thought().isEmpty() ? "" : ". " + reply.thought());
        Reply merged = new Reply(thought, reply.reflection(), reply.summary(), reply.actions());
        return new Decision(grammar(frame).format(merged), thought, reply.actions(), frame);
    }

    private static Decision decision(List<String> passed, String what, Action action, Size frame) {
        List<String> parts = new ArrayList<>(passed);
        parts.add(what);
        String thought = String.join("; ", parts);
        Reply reply = new Reply(thought, List.of(action));
        return new Decision(grammar(frame).format(reply), thought, List.of(action), frame);
    }

    private static ActionGrammar grammar(Size frame) {
        return new ActionGrammar(CoordinateConvention.ABSOLUTE, frame);
    }

    private static TextMatch find(ScreenText text, Step.ClickText click, int number) throws PolicyException {
        try {
            return text.find(click.target());
        } catch (TextNotFoundException e) {
            throw new PolicyException("script step " + number + ": " + e.getMessage(), e);
        }
    }

    /**
     * How long the current wait has waited (starting it if this is its first look).
     *
     * @throws PolicyException if that is its timeout or more
     */
    private Duration waited(Duration timeout, int number, Supplier<String> why) throws PolicyException {
        long now = System.nanoTime();
        long since = waitingSince.orElse(now);
        waitingSince = Optional.of(since);
        Duration waited = Duration.ofNanos(now - since);
        if (waited.compareTo(timeout) >= 0) {
            throw new PolicyException(
                    "script step " + number + ": gave up waiting after " + seconds(waited) + ": " + why.get());
        }
        return waited;
    }

    private void endWait() {
        waitingSince = Optional.empty();
        next++;
    }

    private ScreenText read(Frame frame, int number) throws PolicyException {
        try {
            return ScreenText.read(reader(), frame.image());
        } catch (RuntimeException e) {
            throw new PolicyException("script step " + number + ": cannot read the screen: " + e.getMessage(), e);
        }
    }

    private TextReader reader() {
        if (sharedReader.isPresent()) {
            return sharedReader.get();
        }
        if (ownReader.isEmpty()) {
            ownReader = Optional.of(TextReader.open());
        }
        return ownReader.get();
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
