package dev.deskpilot.agent;

import dev.deskpilot.perception.Screen;
import dev.deskpilot.perception.ScreenText;
import dev.deskpilot.perception.Settle;
import dev.deskpilot.perception.TextReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The text on the screen after a run, for text checks: on first use it waits for the screen to
 * settle, takes a screenshot, keeps it in the run folder as {@code frames/final.png} (so a failed
 * check can be looked at) and reads it (loading a {@link TextReader}, a few hundred milliseconds);
 * later uses get the same reading. Tasks without text checks never pay for it.
 */
final class FinalScreenText implements Supplier<ScreenText> {
    private final Screen screen;
    private final Duration settleTimeout;
    private final RunFolder folder;
    private Optional<ScreenText> text = Optional.empty();

    FinalScreenText(Screen screen, Duration settleTimeout, RunFolder folder) {
        this.screen = screen;
        this.settleTimeout = settleTimeout;
        this.folder = folder;
    }

    @Override
    public ScreenText get() {
        if (text.isEmpty()) {
            try (TextReader reader = TextReader.open()) {
                BufferedImage image =
                        Settle.DEFAULT.await(screen, settleTimeout).frame().image();
                folder.writeFinalFrame(image);
                text = Optional.of(ScreenText.read(reader, image));
            } catch (IOException e) {
                throw new UncheckedIOException("could not keep the final screenshot in " + folder.dir(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the screen to settle", e);
            }
        }
        return text.get();
    }
}
