package dev.deskpilot.tasks.suites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.deskpilot.actions.Action;
import dev.deskpilot.actions.ActionFailedException;
import dev.deskpilot.actions.Rect;
import dev.deskpilot.perception.Frame;
import dev.deskpilot.tasks.env.Environment;
import dev.deskpilot.tasks.env.Instance;
import dev.deskpilot.tasks.env.Oracle;
import dev.deskpilot.tasks.env.swing.VirtualEnvironment;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A parallel evaluation")
class ParallelEvaluationTest {
    /** A virtual environment that counts opens and closes, and can be told to break on its Nth reset. */
    static final class Counted implements Environment {
        final VirtualEnvironment inner = new VirtualEnvironment();
        final AtomicInteger closed;
        final AtomicInteger resets;
        final int breakAt;

        Counted(AtomicInteger closed, AtomicInteger resets, int breakAt) {
            this.closed = closed;
            this.resets = resets;
            this.breakAt = breakAt;
        }

        @Override
        public String backend() {
            return inner.backend();
        }

        @Override
        public void reset(Instance instance) {
            if (resets.incrementAndGet() == breakAt) {
                throw new IllegalStateException("the app would not start");
            }
            inner.reset(instance);
        }

        @Override
        public Frame observe() {
            return inner.observe();
        }

        @Override
        public void act(Action action) throws ActionFailedException {
            inner.act(action);
        }

        @Override
        public Map<String, String> state() {
            return inner.state();
        }

        @Override
        public Optional<Rect> locate(String id) {
            return inner.locate(id);
        }

        @Override
        public Optional<Rect> place(String id) {
            return inner.place(id);
        }

        @Override
        public void close() {
            closed.incrementAndGet();
            inner.close();
        }
    }

    @Test
    @DisplayName("opens one environment per worker, closes each, and lists the episodes in suite order")
    void oneEnvironmentPerWorker() throws Exception {
        Suite smoke = SuiteFile.resolve("smoke");
        AtomicInteger opened = new AtomicInteger();
        AtomicInteger closed = new AtomicInteger();
        EvalResult r = Evaluation.run(
                smoke,
                Suite.Split.TEST,
                1,
                3,
                () -> {
                    opened.incrementAndGet();
                    return new Counted(closed, new AtomicInteger(), -1);
                },
                "oracle",
                Oracle::new,
                e -> {});
        assertEquals(3, opened.get());
        assertEquals(3, closed.get());
        assertEquals(
                Evaluation.episodes(smoke, Suite.Split.TEST, 1).stream()
                        .map(EpisodeRef::family)
                        .toList(),
                r.results().stream().map(e -> e.family()).toList());
        assertEquals("virtual", r.backend());
        assertEquals(1.0, r.meanSuccess());
    }

    @Test
    @DisplayName("an environment that fails fails the whole evaluation, with its own exception, and every"
            + " environment is still closed")
    void failureFailsTheRun() throws Exception {
        Suite smoke = SuiteFile.resolve("smoke");
        AtomicInteger closed = new AtomicInteger();
        AtomicInteger resets = new AtomicInteger();
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> Evaluation.run(
                        smoke,
                        Suite.Split.TEST,
                        1,
                        2,
                        () -> new Counted(closed, resets, 5),
                        "oracle",
                        Oracle::new,
                        ep -> {}));
        assertEquals("the app would not start", e.getMessage());
        assertEquals(2, closed.get());
    }
}
