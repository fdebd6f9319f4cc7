package dev.deskpilot.actions;

import java.awt.datatransfer.Clipboard;
import java.awt.datatransfer.ClipboardOwner;
import java.awt.datatransfer.DataFlavor;
import java.awt.datatransfer.StringSelection;
import java.awt.datatransfer.Transferable;
import java.awt.datatransfer.UnsupportedFlavorException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Text placed on the system clipboard, which knows when the paste read it.
 *
 * <p>On X the clipboard is a promise, not a copy: this JVM owns the CLIPBOARD selection and hands
 * the text over only when the target asks, so this process must stay alive until then (the
 * executor's JVM does). Waiting for that read also keeps a quick second paste from replacing the
 * text before the first was taken.
 */
final class ClipboardPaste implements Transferable, ClipboardOwner {
    private final StringSelection text;
    private final CountDownLatch taken = new CountDownLatch(1);

    private ClipboardPaste(String text) {
        this.text = new StringSelection(text);
    }

    /** Puts the text on the clipboard; press the paste key afterwards and {@link #awaitTaken}. */
    static ClipboardPaste offer(Clipboard clipboard, String text) {
        var paste = new ClipboardPaste(text);
        clipboard.setContents(paste, paste);
        return paste;
    }

    /** Waits until a window has read the text; false if none did within the timeout. */
    boolean awaitTaken(Duration timeout) throws InterruptedException {
        return taken.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public DataFlavor[] getTransferDataFlavors() {
        return text.getTransferDataFlavors();
    }

    @Override
    public boolean isDataFlavorSupported(DataFlavor flavor) {
        return text.isDataFlavorSupported(flavor);
    }

    @Override
    public Object getTransferData(DataFlavor flavor) throws UnsupportedFlavorException, IOException {
        Object data = text.getTransferData(flavor);
        taken.countDown();
        return data;
    }

    @Override
    public void lostOwnership(Clipboard clipboard, Transferable contents) {
        // Another owner took the clipboard; whoever pasted before that already has the text.
    }
}
