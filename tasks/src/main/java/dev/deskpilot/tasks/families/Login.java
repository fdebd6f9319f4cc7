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
 * Log in: type a user name and a password into a sign-in card and press its submit button, beside
 * "Forgot password?" links, "Create account" buttons and a "Remember me" box.
 */
public final class Login extends BaseFamily {
    public static final String NAME = "login";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "log in with the given user name and password";
    }

    @Override
    Instance make(Rng rng, long seed, Size screen) {
        Sketch s = new Sketch(rng, screen, 520, 460);
        s.chrome();
        boolean email = rng.chance(0.35);
        String userLabel = email
                ? rng.pick("Email", "Email address", "E-mail")
                : rng.pick("Username", "User name", "Login", "User ID");
        String passLabel = rng.pick("Password", "Passphrase", "PIN");
        String submit = rng.pick("Sign in", "Log in", "Login", "Continue", "Enter", "Submit");
        int cardW = Math.min(s.content.width(), rng.between(340, 460));
        int fh = s.fieldHeight() + rng.between(0, 8);
        int lh = s.textHeight(s.fs) + 4;
        int cardH = 70 + 2 * (lh + fh + 14) + 2 * fh + 70;
        cardH = Math.min(cardH, s.content.height());
        Rect card = new Rect(
                s.content.x() + rng.between(0, s.content.width() - cardW),
                s.content.y() + rng.between(0, Math.max(0, s.content.height() - cardH)),
                cardW,
                cardH);
        s.add(new Widget.Panel(s.id("card"), card, rng.chance(0.7), rng.chance(0.7)));
        int x = card.x() + 20;
        int w = card.width() - 40;
        int y = card.y() + 16;
        String heading =
                rng.pick("Sign in", "Welcome back", "Log in to your account", "Member login", "Please sign in");
        s.addLoose(s.label(heading, x, y, s.fs + 6, true, Widget.Tone.HEADING));
        y += s.textHeight(s.fs + 6) + 16;
        s.addLoose(new Widget.Label(
                s.id("label"),
                new Rect(x, y, s.textWidth(userLabel, s.fs, false) + 6, lh),
                userLabel,
                s.fs,
                false,
                Widget.Tone.NORMAL));
        y += lh + 2;
        String userId = s.id("user");
        s.addLoose(new Widget.TextField(
                userId,
                new Rect(x, y, w, fh),
                rng.chance(0.5) ? (email ? "you@example.com" : "Enter your username") : "",
                "",
                false));
        y += fh + 12;
        s.addLoose(new Widget.Label(
                s.id("label"),
                new Rect(x, y, s.textWidth(passLabel, s.fs, false) + 6, lh),
                passLabel,
                s.fs,
                false,
                Widget.Tone.NORMAL));
        y += lh + 2;
        String passId = s.id("password");
        s.addLoose(new Widget.TextField(passId, new Rect(x, y, w, fh), "", "", true));
        y += fh + 10;
        String remember = s.id("remember");
        s.addLoose(new Widget.CheckBox(
                remember,
                new Rect(x, y, s.textWidth("Remember me", s.fs, false) + s.fs + 28, fh - 6),
                "Remember me",
                rng.chance(0.3)));
        y += fh;
        int padX = rng.between(14, 28);
        Size bs = s.buttonSize(submit, padX, (fh - s.fs) / 2);
        boolean wide = rng.chance(0.5);
        String submitId = s.id("submit");
        s.addLoose(new Widget.Button(
                submitId,
                new Rect(x, y, wide ? w : bs.width(), bs.height()),
                submit,
                Widget.Emphasis.PRIMARY,
                Widget.Effect.COMMIT));
        List<Widget.Span> spans = new ArrayList<>();
        spans.add(new Widget.Span("Forgot password?", s.id("forgot")));
        int py = y + bs.height() + 8;
        if (py + lh * 2 <= card.y() + card.height() + 40) {
            s.addLoose(new Widget.Paragraph(s.id("links"), new Rect(x, py, w, lh * 2), spans, Math.max(11, s.fs - 1)));
        }
        s.distract(
                rng.between(0, 2),
                rng.sample(List.of("Create account", "Sign up", "Help", "Cancel", "Use SSO"), rng.between(1, 2)));
        String user = email
                ? FillField.value(rng, "Email")
                : (rng.pick(Words.FIRST_NAMES) + rng.pick("", "_", ".") + rng.between(1, 99))
                        .toLowerCase(java.util.Locale.ROOT);
        String password =
                rng.pick("s3cret", "hunter2", "Tr0ub4dor", "pa55word", "letmein", "Sunny-42", "opensesame", "x9!kQ2")
                        + (rng.chance(0.5) ? String.valueOf(rng.between(1, 99)) : "");
        String instruction = rng.pick(
                "Log in as " + user + " with the password " + password + ".",
                "Sign in with " + userLabel.toLowerCase(java.util.Locale.ROOT) + " " + user + " and password "
                        + password + ".",
                "Use the credentials " + user + " / " + password + " to log in.",
                "Enter " + user + " as the " + userLabel.toLowerCase(java.util.Locale.ROOT) + " and " + password
                        + " as the password, then press " + submit + ".");
        List<PlanStep> plan = List.of(
                new PlanStep.Click(userId, "I click the " + userLabel + " field first."),
                new PlanStep.Type(user, "Now I type the user name."),
                new PlanStep.Click(passId, "Next, the " + passLabel + " field."),
                new PlanStep.Type(password, "I type the password."),
                new PlanStep.Click(submitId, "Both fields are filled; I press " + submit + "."));
        return new Instance(
                NAME,
                seed,
                s.scene(rng.pick("Sign in", "Login", "Account", "Portal", "Welcome")),
                instruction,
                new Goal(Map.of(userId, user, passId, password, Scene.COMMITTED, submitId)),
                plan,
                14);
    }
}
