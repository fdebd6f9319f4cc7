package dev.deskpilot.policy.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/** Writes run folders in the documented format (docs/run-folder.md), as the agent and recorder do. */
final class RunFolders {
    private RunFolders() {}

    /** A step line as steps.jsonl holds it. */
    static String step(int n, String thought, List<String> screenActions, String error) {
        String actions =
                String.join(",", screenActions.stream().map(RunFolders::quote).toList());
        return "{\"step\":" + n + ",\"frame\":\"frames/%04d.png\",\"text\":".formatted(n)
                + quote(screenActions.isEmpty() ? "" : screenActions.getFirst()) + ",\"thought\":" + quote(thought)
                + ",\"imageSize\":\"640x400\",\"actions\":[" + actions + "],\"screenActions\":[" + actions
                + "],\"timingsMs\":{\"capture\":0,\"decide\":" + (100 * n) + ",\"act\":10,\"settle\":0},\"error\":"
                + quote(error) + "}";
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    /** A run folder with one distinct 640x400 frame per step line and the given steps.jsonl text. */
    static Path write(Path parent, String name, String instruction, List<String> stepLines, String trailer)
            throws IOException {
        Path dir = parent.resolve(name);
        Files.createDirectories(dir.resolve("frames"));
        Files.writeString(dir.resolve("run.json"), """
                {
                  "task" : { "id" : "recording", "instruction" : %s, "source" : "recorded" },
                  "policy" : "human",
                  "display" : ":77",
                  "screen" : "640x400",
                  "settings" : { "maxSteps" : 0, "settleTimeoutMs" : 0, "runTimeoutMs" : 0 },
                  "status" : "finished",
                  "reason" : "",
                  "steps" : %d,
                  "checks" : [ ],
                  "passed" : false
                }
                """.formatted(quote(instruction), stepLines.size()));
        for (int i = 1; i <= stepLines.size(); i++) {
            ImageIO.write(
                    frame(i), "png", dir.resolve("frames/%04d.png".formatted(i)).toFile());
        }
        Files.writeString(
                dir.resolve("steps.jsonl"), String.join("\n", stepLines) + "\n" + trailer, StandardCharsets.UTF_8);
        return dir;
    }

    /** A picture that differs from step to step, with sharp edges that scaling must keep. */
    static BufferedImage frame(int step) {
        BufferedImage image = new BufferedImage(640, 400, BufferedImage.TYPE_INT_RGB);
        int background = ((30 * step % 255) << 16) | (120 << 8) | 200;
        for (int y = 0; y < 400; y++) {
            for (int x = 0; x < 640; x++) {
                boolean box = x >= 20 * step && x < 20 * step + 100 && y >= 40 && y < 70;
                boolean stripe = (x + y + step) % 7 == 0;
                image.setRGB(x, y, box ? 0xffffff : stripe ? 0x000000 : background);
            }
        }
        return image;
    }
}
