package dev.deskpilot.agent;

import dev.deskpilot.perception.Screen;
import dev.deskpilot.perception.ScreenText;
import dev.deskpilot.perception.Settle;
import dev.deskpilot.perception.TextReader;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The text on the screen after a run, for text checks: on first use it waits for the screen to
 * settle, takes a screenshot and reads it (loading a {@link TextReader}, a few hundred
 * milliseconds); later uses get the same reading. Tasks without text checks never pay for it.
 */
final class FinalScreenText implements Supplier<ScreenText> {
    private final Screen screen;
    private final Duration settleTimeout;
    private Optional<ScreenText> text = Optional.empty();

    FinalScreenText(Screen screen, Duration settleTimeout) {
        this.screen = screen;
        this.settleTimeout = settleTimeout;
    }

    @Override
    public ScreenText get() {
        if (text.isEmpty()) {
            try (TextReader reader = TextReader.open()) {
                text = Optional.of(ScreenText.read(
                        reader,
                        Settle.DEFAULT.await(screen, settleTimeout).frame().image()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the screen to settle", e);
            }
        }
        return text.get();
    }
}
