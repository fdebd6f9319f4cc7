package dev.deskpilot.perception;

import dev.deskpilot.actions.Size;

/**
 * A JVM for {@link XvfbServerTest}: starts an Xvfb, prints "number pid", and exits without closing
 * it once its standard input ends (unless it is killed first).
 */
final class XvfbChild {
    private XvfbChild() {}

    public static void main(String[] args) throws Exception {
        var server = XvfbServer.start(new Size(320, 240));
        System.out.println(server.display().substring(1) + " " + server.pid());
        System.out.flush();
        System.in.readAllBytes();
    }
}
