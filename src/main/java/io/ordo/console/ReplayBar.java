package io.ordo.console;

import io.ordo.operations.ReplayProgress;
import java.time.Duration;

/** A replay's progress as its bar shows it, with the remaining time in words. */
record ReplayBar(String processor, boolean running, int percent, long processed, long target, String remaining) {

    static ReplayBar of(ReplayProgress progress) {
        return new ReplayBar(
                progress.processor(),
                progress.running(),
                progress.percent(),
                progress.processed(),
                progress.target(),
                words(progress.remaining()));
    }

    private static String words(Duration remaining) {
        if (remaining == null) {
            return "estimating the time left";
        }
        long seconds = Math.max(1, (remaining.toMillis() + 999) / 1000);
        if (seconds < 60) {
            return "about " + seconds + " s left";
        }
        if (seconds < 3600) {
            return "about " + (seconds + 30) / 60 + " min left";
        }
        return "about " + seconds / 3600 + " h " + seconds % 3600 / 60 + " min left";
    }
}
