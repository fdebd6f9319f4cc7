package dev.deskpilot.agent.cli;

import java.util.List;

/**
 * One training sample of {@code deskpilot synth}: one line of {@code samples.jsonl}, documented in
 * docs/training-data.md.
 *
 * @param id {@code family-seed-step}, unique in a data set
 * @param family the task family
 * @param seed the instance's seed
 * @param step 1-based step of the episode
 * @param image the screenshot, relative to the data set folder
 * @param imageSize WIDTHxHEIGHT of the screenshot; the action's pixels are in this space
 * @param instruction what the agent was asked to do
 * @param history the gold actions of the earlier steps, oldest first, in the same text form
 * @param thought one sentence saying why the action is right
 * @param action the gold action in canonical UI-TARS text, absolute screen pixels
 * @param response {@code Thought: …\nAction: …}, the whole reply a model should give
 */
record SynthSample(
        String id,
        String family,
        long seed,
        int step,
        String image,
        String imageSize,
        String instruction,
        List<String> history,
        String thought,
        String action,
        String response) {
    SynthSample {
        history = List.copyOf(history);
    }
}
