package io.ordo.console;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/**
 * How the console writes an instant for people: to the second, in UTC like the API and the logs, so times on a page
 * can be compared with them. Templates call it as {@code ${@consoleTimes.shown(instant)}}; public for that reason.
 */
@Component("consoleTimes")
public class ConsoleTimes {

    private static final DateTimeFormatter SHOWN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    public String shown(Instant instant) {
        return instant == null ? "" : SHOWN.format(instant);
    }
}
