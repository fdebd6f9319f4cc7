package com.example.formagent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskpilot.agent.RunStatus;
import dev.deskpilot.agent.junit.AgentRun;
import dev.deskpilot.agent.junit.DeskpilotTest;
import java.nio.file.Files;
import org.junit.jupiter.api.Timeout;

/** "On the sign-up form, the agent signs Grace Hopper up without the newsletter." */
class SignUpAgentTest {

    @Timeout(120)
    @DeskpilotTest(task = "tasks/sign-up.json")
    void signsUpWithoutTheNewsletter(AgentRun run) {
        // Reached only if the task's checks passed; anything else the run must show is checked here.
        assertEquals(RunStatus.FINISHED, run.info().status());
        assertTrue(run.info().steps() <= 4, "took " + run.info().steps() + " steps");
        assertTrue(Files.isRegularFile(run.report()), "report at " + run.report());
    }
}
